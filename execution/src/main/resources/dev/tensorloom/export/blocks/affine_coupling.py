# tensorloom-uses: _coupling
class AffineCoupling(nn.Module):
    """RealNVP's affine coupling (block type `affine_coupling`): the conditioning features (mask: even or odd
    indices) pass through unchanged; an MLP of them gives a log-scale s = tanh(·) and a shift t for the
    others, z = x·exp(s) + t; log-determinant Σ s."""

    def __init__(self, *, d=2, hidden=64, layers=2, mask="even"):
        super().__init__()
        self.features = d
        self.layers = layers
        self.register_buffer("keep", coupling_mask(d, mask), persistent=False)
        conditioner_parameters(self, d, hidden, layers, 2 * d)

    def scale_and_shift(self, x):
        """Log-scale and shift, both zero on the conditioning features."""
        out = conditioner(self, x, self.keep, self.layers)
        free = 1 - self.keep
        log_scale = out[:, :self.features].tanh() * free
        shift = out[:, self.features:] * free
        return log_scale, shift

    def forward(self, x):
        log_scale, shift = self.scale_and_shift(x)
        return x * log_scale.exp() + shift, log_scale.sum(1)

    def inverse(self, z):
        """The x with forward(x)[0] == z: the conditioning features are unchanged, so scale and shift are
        computed from z."""
        log_scale, shift = self.scale_and_shift(z)
        return (z - shift) * (-log_scale).exp()
