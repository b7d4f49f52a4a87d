# tensorloom-derive: features = in[-1]
class DiagScale(nn.Module):
    """A learnable log-scale s per feature (block type `diag_scale`): z = x·exp(s), log-determinant Σ s
    for every example. Starts at s = 0, the identity."""

    def __init__(self, *, features):
        super().__init__()
        self.log_scale = nn.Parameter(torch.zeros(features))

    def forward(self, x):
        z = x * self.log_scale.exp()
        log_det = torch.zeros_like(x[:, 0]) + self.log_scale.sum()
        return z, log_det

    def inverse(self, z):
        """The x with forward(x)[0] == z."""
        return z * (-self.log_scale).exp()
