# tensorloom-uses: _coupling
class AdditiveCoupling(nn.Module):
    """NICE's additive coupling (block type `additive_coupling`): the conditioning features (mask: even or
    odd indices) pass through unchanged and an MLP of them shifts the others, z = x + m(x·keep)·(1 − keep);
    log-determinant 0."""

    def __init__(self, *, d=2, hidden=64, layers=2, mask="even"):
        super().__init__()
        self.layers = layers
        self.register_buffer("keep", coupling_mask(d, mask), persistent=False)
        conditioner_parameters(self, d, hidden, layers, d)

    def shift(self, x):
        """m(x·keep), zero on the conditioning features."""
        return conditioner(self, x, self.keep, self.layers) * (1 - self.keep)

    def forward(self, x):
        return x + self.shift(x), torch.zeros_like(x[:, 0])

    def inverse(self, z):
        """The x with forward(x)[0] == z: the conditioning features are unchanged, so the shift is computed
        from z."""
        return z - self.shift(z)
