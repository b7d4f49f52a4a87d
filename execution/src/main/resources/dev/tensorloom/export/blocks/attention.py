# tensorloom-uses: _attention
class Attention(nn.Module):
    """Multi-head scaled dot-product attention (block type `attention`): softmax(QKᵀ/√d_head + mask)·V with
    query/key/value/output projections wq … bo. Self-attention over q_in, or cross-attention from q_in over
    kv_in when that port is connected; `causal` hides later positions; `qk_norm` RMS-normalises per-head
    queries and keys with learnable scales q_scale and k_scale."""

    def __init__(self, *, d_model=64, heads=4, causal=False, qk_norm=False, dropout=0.0):
        super().__init__()
        self.heads = heads
        self.causal = causal
        self.dropout = dropout
        attention_parameters(self, "", d_model, heads, qk_norm)

    def forward(self, q_in, kv_in=None):
        q_scale, k_scale = qk_scales(self, "")
        out, _ = multi_head_attention(q_in, q_in if kv_in is None else kv_in, attention_weights(self, ""), self.heads,
                                      self.causal, q_scale, k_scale, self.dropout, self.training)
        return out
