# tensorloom-derive: in_channels = in[1]
class PatchEmbed(nn.Module):
    """Cuts [B, C, H, W] into patch × patch squares and projects each to a d_model token (block type
    `patch_embed`, ViT): a convolution with kernel = stride = patch (weight [d_model, C, patch, patch], bias),
    flattened to tokens [B, (H/patch)·(W/patch), d_model] in row-major order."""

    def __init__(self, *, in_channels, patch=2, d_model=64):
        super().__init__()
        self.patch = patch
        self.weight = nn.Parameter(nn.init.xavier_uniform_(torch.empty(d_model, in_channels, patch, patch)))
        self.bias = nn.Parameter(torch.zeros(d_model))

    def forward(self, x):
        grid = F.conv2d(x, self.weight, self.bias, stride=self.patch)
        return grid.flatten(2).transpose(1, 2)
