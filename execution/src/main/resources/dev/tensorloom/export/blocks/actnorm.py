# tensorloom-derive: features = in[-1]
class ActNorm(nn.Module):
    """Glow's activation normalisation (block type `actnorm`): z = x·scale + bias per feature, with
    log-determinant Σ log|scale| for every example. Starts as the identity, as in the studio (no
    data-dependent initialisation)."""

    def __init__(self, *, features):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(features))
        self.bias = nn.Parameter(torch.zeros(features))

    def forward(self, x):
        z = x * self.scale + self.bias
        log_det = torch.zeros_like(x[:, 0]) + self.scale.abs().log().sum()
        return z, log_det

    def inverse(self, z):
        """The x with forward(x)[0] == z."""
        return (z - self.bias) / self.scale
