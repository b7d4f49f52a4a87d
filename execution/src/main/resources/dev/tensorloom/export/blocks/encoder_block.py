# tensorloom-uses: _attention
class EncoderBlock(nn.Module):
    """A Transformer encoder layer (block type `encoder_block`): self-attention (attn_*) and a GELU MLP
    (ffn_*), each inside a residual with LayerNorm (ln1_*, ln2_*) before (norm="pre") or after ("post")
    the sum."""

    def __init__(self, *, d_model=64, heads=4, hidden=256, norm="pre", causal=False, dropout=0.0):
        super().__init__()
        self.heads = heads
        self.pre_norm = norm == "pre"
        self.causal = causal
        self.dropout = dropout
        attention_parameters(self, "attn", d_model, qk_norm=False)
        self.ffn_w1 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(hidden, d_model)))
        self.ffn_b1 = nn.Parameter(torch.zeros(hidden))
        self.ffn_w2 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(d_model, hidden)))
        self.ffn_b2 = nn.Parameter(torch.zeros(d_model))
        for norm_name in ("ln1", "ln2"):
            self.register_parameter(f"{norm_name}_gamma", nn.Parameter(torch.ones(d_model)))
            self.register_parameter(f"{norm_name}_beta", nn.Parameter(torch.zeros(d_model)))

    def forward(self, x):
        x = self.residual(x, self.ln1, self.attend)
        return self.residual(x, self.ln2, self.mlp)

    def attend(self, x):
        out, _ = multi_head_attention(x, x, attention_weights(self, "attn"), self.heads, self.causal,
                                      dropout=self.dropout, training=self.training)
        return out

    def mlp(self, x):
        return feed_forward(x, self.ffn_w1, self.ffn_b1, self.ffn_w2, self.ffn_b2, "gelu", self.dropout, self.training)

    def ln1(self, x):
        return F.layer_norm(x, (x.shape[-1],), self.ln1_gamma, self.ln1_beta, 1e-5)

    def ln2(self, x):
        return F.layer_norm(x, (x.shape[-1],), self.ln2_gamma, self.ln2_beta, 1e-5)

    def residual(self, x, norm, sublayer):
        """pre: x + f(LN(x)); post: LN(x + f(x))."""
        return x + sublayer(norm(x)) if self.pre_norm else norm(x + sublayer(x))
