class Unpatchify(nn.Module):
    """Tokens [B, grid_h·grid_w, patch²·C] (row-major grid, each patch's values in (C, patch, patch) order)
    back to an image [B, C, grid_h·patch, grid_w·patch] (block type `unpatchify`, the inverse of
    patch_embed's cutting)."""

    def __init__(self, *, patch=2, channels=1, grid_h=8, grid_w=8):
        super().__init__()
        self.patch = patch
        self.channels = channels
        self.grid_h = grid_h
        self.grid_w = grid_w

    def forward(self, x):
        p, c = self.patch, self.channels
        grid = x.reshape(x.shape[0], self.grid_h, self.grid_w, c, p, p).permute(0, 3, 1, 4, 2, 5)
        return grid.reshape(x.shape[0], c, self.grid_h * p, self.grid_w * p)
