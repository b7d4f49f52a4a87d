# tensorloom-uses: _modulation
class DiTFinal(nn.Module):
    """DiT's final layer (block type `dit_final`): shift, scale = Linear(SiLU(cond)) (ada_w [2·d_model,
    d_model], ada_b), then Linear(LN(x)·(1 + scale) + shift) (w, b) to patch²·channels values per token, LN
    without gain or bias (eps 1e-6); all zero-initialised, so the untrained model predicts 0."""

    def __init__(self, *, d_model=64, patch=2, channels=1):
        super().__init__()
        self.ada_w = nn.Parameter(torch.zeros(2 * d_model, d_model))
        self.ada_b = nn.Parameter(torch.zeros(2 * d_model))
        self.w = nn.Parameter(torch.zeros(patch * patch * channels, d_model))
        self.b = nn.Parameter(torch.zeros(patch * patch * channels))

    def forward(self, x, cond):
        shift, scale = F.linear(F.silu(cond), self.ada_w, self.ada_b).chunk(2, dim=1)
        return F.linear(modulate(x, shift, scale), self.w, self.b)
