class TimestepEmbed(nn.Module):
    """DiT's timestep embedder (block type `timestep_embed`): with u = t·scale and
    f_i = exp(−ln(10000)·i / (freq_dim/2)), the features [cos(u·f_i), sin(u·f_i)] go through
    Linear(freq_dim → d_model) (w1, b1), SiLU and Linear(d_model → d_model) (w2, b2)."""

    def __init__(self, *, d_model=64, freq_dim=256, scale=1000.0):
        super().__init__()
        self.scale = scale
        half = freq_dim // 2
        # computed in float64 and rounded once, as the studio does
        frequencies = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float64) / half)
        self.register_buffer("frequencies", frequencies.to(torch.float32), persistent=False)
        self.w1 = nn.Parameter(torch.randn(d_model, freq_dim) * 0.02)
        self.b1 = nn.Parameter(torch.zeros(d_model))
        self.w2 = nn.Parameter(torch.randn(d_model, d_model) * 0.02)
        self.b2 = nn.Parameter(torch.zeros(d_model))

    def forward(self, t):
        angles = (t * self.scale).reshape(-1, 1) * self.frequencies
        features = torch.cat([angles.cos(), angles.sin()], dim=1)
        return F.linear(F.silu(F.linear(features, self.w1, self.b1)), self.w2, self.b2)
