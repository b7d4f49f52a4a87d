# tensorloom-uses: _positions
class SinCos2dPositions(nn.Module):
    """Adds the fixed 2-D sin-cos table of a grid_h × grid_w token grid (row-major) to [B, grid_h·grid_w, D]:
    half the channels encode the row, half the column (block type `sincos2d_pos`)."""

    def __init__(self, *, grid_h=8, grid_w=8):
        super().__init__()
        self.grid_h = grid_h
        self.grid_w = grid_w

    def forward(self, x):
        return x + sincos_2d_table(self.grid_h, self.grid_w, x.shape[-1]).to(x.device)
