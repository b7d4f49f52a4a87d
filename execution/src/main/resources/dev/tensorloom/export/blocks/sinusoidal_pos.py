# tensorloom-uses: _positions
class SinusoidalPositions(nn.Module):
    """Adds the fixed sin-cos position table to [B, T, D], scaling x by √D first when scale_input
    (block type `sinusoidal_pos`)."""

    def __init__(self, *, scale_input=False):
        super().__init__()
        self.scale_input = scale_input

    def forward(self, x):
        t, d = x.shape[1], x.shape[2]
        if self.scale_input:
            x = x * math.sqrt(d)
        return x + sinusoidal_table(t, d).to(x.device)
