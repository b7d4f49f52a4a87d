# tensorloom-uses: _attention, _modulation
class DiTBlock(nn.Module):
    """A DiT layer with adaLN-Zero conditioning (block type `dit_block`, Peebles and Xie 2023):
    Linear(SiLU(cond)) (ada_w [6·d_model, d_model], ada_b, zero-initialised so the block starts as the
    identity) gives shift1, scale1, gate1, shift2, scale2, gate2;
    x ← x + gate1·Attn(LN(x)·(1 + scale1) + shift1), then x ← x + gate2·MLP(LN(x)·(1 + scale2) + shift2),
    LN without gain or bias (eps 1e-6), attention attn_* (qk-norm optional), GELU MLP mlp_*."""

    def __init__(self, *, d_model=64, heads=4, hidden=256, qk_norm=True):
        super().__init__()
        self.heads = heads
        self.ada_w = nn.Parameter(torch.zeros(6 * d_model, d_model))
        self.ada_b = nn.Parameter(torch.zeros(6 * d_model))
        attention_parameters(self, "attn", d_model, heads, qk_norm)
        self.mlp_w1 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(hidden, d_model)))
        self.mlp_b1 = nn.Parameter(torch.zeros(hidden))
        self.mlp_w2 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(d_model, hidden)))
        self.mlp_b2 = nn.Parameter(torch.zeros(d_model))

    def forward(self, x, cond):
        shift1, scale1, gate1, shift2, scale2, gate2 = F.linear(F.silu(cond), self.ada_w, self.ada_b).chunk(6, dim=1)
        q_scale, k_scale = qk_scales(self, "attn")
        h = modulate(x, shift1, scale1)
        attended, _ = multi_head_attention(h, h, attention_weights(self, "attn"), self.heads, False, q_scale, k_scale)
        x = x + attended * gate1[:, None]
        h = modulate(x, shift2, scale2)
        return x + feed_forward(h, self.mlp_w1, self.mlp_b1, self.mlp_w2, self.mlp_b2, "gelu") * gate2[:, None]
