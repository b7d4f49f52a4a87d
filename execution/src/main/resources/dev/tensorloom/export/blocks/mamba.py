# tensorloom-uses: _selective_scan
class Mamba(nn.Module):
    """The Mamba block on [B, L, D] (block type `mamba`): in_proj splits into (x, z); x goes through a causal
    depthwise conv1d and SiLU; x_proj gives (Δ_raw, B, C); Δ = softplus(Δ_raw·dt_proj_w + dt_proj_b); the
    selective scan runs with A = −exp(a_log); its output is gated by SiLU(z) and projected back by out_proj.
    No biases on the projections; weights are stored [in, out] as the studio stores them."""

    def __init__(self, *, d_model=64, state=16, expand=2, conv=4, dt_rank=0):
        super().__init__()
        self.inner = expand * d_model
        self.state = state
        self.kernel = conv
        self.rank = dt_rank if dt_rank > 0 else (d_model + 15) // 16  # ceil(d_model / 16)
        self.in_proj = nn.Parameter(nn.init.xavier_uniform_(torch.empty(d_model, 2 * self.inner)))
        self.conv_w = nn.Parameter(torch.randn(self.inner, conv) / math.sqrt(conv))
        self.conv_b = nn.Parameter(torch.zeros(self.inner))
        self.x_proj = nn.Parameter(nn.init.xavier_uniform_(torch.empty(self.inner, self.rank + 2 * state)))
        bound = 1 / math.sqrt(self.rank)
        self.dt_proj_w = nn.Parameter(torch.empty(self.rank, self.inner).uniform_(-bound, bound))
        # Initial steps log-uniform in [1e-3, 1e-1]; the bias is their inverse softplus, log(exp(dt) − 1).
        dt = torch.empty(self.inner).uniform_(math.log(1e-3), math.log(1e-1)).exp()
        self.dt_proj_b = nn.Parameter(dt.expm1().log())
        self.a_log = nn.Parameter(torch.arange(1, state + 1, dtype=torch.float32).log().repeat(self.inner, 1))
        self.d = nn.Parameter(torch.ones(self.inner))
        self.out_proj = nn.Parameter(nn.init.xavier_uniform_(torch.empty(self.inner, d_model)))

    def forward(self, x):
        x, z = (x @ self.in_proj).split(self.inner, dim=-1)
        u = F.silu(self.causal_conv(x))
        delta_raw, b, c = (u @ self.x_proj).split([self.rank, self.state, self.state], dim=-1)
        delta = F.softplus(delta_raw @ self.dt_proj_w + self.dt_proj_b)
        y = selective_scan(u, delta, -self.a_log.exp(), b, c, self.d)
        return (y * F.silu(z)) @ self.out_proj

    def causal_conv(self, x):
        """y[t] = Σ_k conv_w[:, k]·x[t − (K−1) + k] + conv_b per channel, zero before the sequence starts: a
        depthwise conv1d padded by K − 1 on both sides, keeping the first L outputs. [B, L, Di] → [B, L, Di]."""
        length = x.shape[1]
        y = F.conv1d(x.transpose(1, 2), self.conv_w.unsqueeze(1), self.conv_b, padding=self.kernel - 1,
                     groups=self.inner)
        return y[:, :, :length].transpose(1, 2)
