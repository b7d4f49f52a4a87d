# tensorloom-uses: _attention
class DecoderBlock(nn.Module):
    """A Transformer decoder layer (block type `decoder_block`): self-attention (self_*, causal unless
    causal=False), cross-attention over `memory` (cross_*) and a GELU MLP (ffn_*), each inside a residual
    with LayerNorm (ln1_*, ln2_*, ln3_*) before (norm="pre") or after ("post") the sum."""

    def __init__(self, *, d_model=64, heads=4, hidden=256, norm="pre", causal=True, dropout=0.0):
        super().__init__()
        self.heads = heads
        self.pre_norm = norm == "pre"
        self.causal = causal
        self.dropout = dropout
        attention_parameters(self, "self", d_model)
        attention_parameters(self, "cross", d_model)
        self.ffn_w1 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(hidden, d_model)))
        self.ffn_b1 = nn.Parameter(torch.zeros(hidden))
        self.ffn_w2 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(d_model, hidden)))
        self.ffn_b2 = nn.Parameter(torch.zeros(d_model))
        for norm_name in ("ln1", "ln2", "ln3"):
            self.register_parameter(f"{norm_name}_gamma", nn.Parameter(torch.ones(d_model)))
            self.register_parameter(f"{norm_name}_beta", nn.Parameter(torch.zeros(d_model)))

    def forward(self, x, memory):
        x = self.residual(x, "ln1", lambda h: self.attend(h, h, "self", self.causal))
        x = self.residual(x, "ln2", lambda h: self.attend(h, memory, "cross", False))
        return self.residual(x, "ln3", self.mlp)

    def attend(self, query, key_value, prefix, causal):
        out, _ = multi_head_attention(query, key_value, attention_weights(self, prefix), self.heads, causal,
                                      dropout=self.dropout, training=self.training)
        return out

    def mlp(self, x):
        return feed_forward(x, self.ffn_w1, self.ffn_b1, self.ffn_w2, self.ffn_b2, "gelu", self.dropout, self.training)

    def residual(self, x, norm_name, sublayer):
        """pre: x + f(LN(x)); post: LN(x + f(x))."""
        gamma, beta = getattr(self, f"{norm_name}_gamma"), getattr(self, f"{norm_name}_beta")

        def norm(h):
            return F.layer_norm(h, (h.shape[-1],), gamma, beta, 1e-5)

        return x + sublayer(norm(x)) if self.pre_norm else norm(x + sublayer(x))
