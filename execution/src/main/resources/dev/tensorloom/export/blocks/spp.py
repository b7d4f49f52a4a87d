class SpatialPyramidPooling(nn.Module):
    """Max-pools [B, C, H, W] over 1×1, 2×2 and 4×4 grids and concatenates level by level, each level
    channel-major: [B, 21·C] (block type `spp`). Bin i of n along a side S spans [⌊i·S/n⌋, ⌈(i+1)·S/n⌉),
    which is adaptive max pooling's rule, so any input size works."""

    levels = (1, 2, 4)

    def forward(self, x):
        return torch.cat([F.adaptive_max_pool2d(x, n).flatten(1) for n in self.levels], dim=1)
