def multi_head_attention(query, key_value, weights, heads, causal=False, q_scale=None, k_scale=None,
                         dropout=0.0, training=False):
    """softmax(QKᵀ/√d_head + mask)·V over `heads` heads, with projections weights = (wq, bq, wk, bk, wv,
    bv, wo, bo) in [out, in] layout. With q_scale/k_scale, per-head queries and keys are RMS-normalised
    first (qk-norm). Returns the output [B, T, D] and the attention weights [B, heads, T, S]."""
    wq, bq, wk, bk, wv, bv, wo, bo = weights
    batch, length, width = query.shape
    source = key_value.shape[1]
    q = split_heads(F.linear(query, wq, bq), heads)
    k = split_heads(F.linear(key_value, wk, bk), heads)
    v = split_heads(F.linear(key_value, wv, bv), heads)
    if q_scale is not None:
        q = rms_norm(q, q_scale, 1e-6)
        k = rms_norm(k, k_scale, 1e-6)
    scores = q @ k.transpose(-2, -1) / math.sqrt(width / heads)
    if causal:
        scores = scores + causal_mask(length, source, scores.device)
    attention = scores.softmax(dim=-1)
    mixed = F.dropout(attention, dropout, training) @ v
    merged = mixed.transpose(1, 2).reshape(batch, length, width)
    return F.linear(merged, wo, bo), attention


def split_heads(x, heads):
    """[B, L, D] → [B, heads, L, D/heads]."""
    batch, length, width = x.shape
    return x.reshape(batch, length, heads, width // heads).transpose(1, 2)


def rms_norm(x, scale, eps):
    """x / sqrt(mean(x²) + eps) · scale over the last dimension."""
    return x / (x.square().mean(dim=-1, keepdim=True) + eps).sqrt() * scale


def causal_mask(length, source, device):
    """Additive [T, S] mask: 0 where key j ≤ query i, −∞ above the diagonal."""
    hidden = torch.ones(length, source, dtype=torch.bool, device=device).triu(1)
    return torch.zeros(length, source, device=device).masked_fill(hidden, float("-inf"))


def attention_parameters(module, prefix, width, heads=1, qk_norm=False):
    """Registers the projections prefix_wq … prefix_bo (Xavier weights, zero biases) and, with qk_norm, the
    per-head scales prefix_q_scale and prefix_k_scale (ones, width/heads) on `module`; an empty prefix
    registers wq … bo."""
    for p in "qkvo":
        module.register_parameter(scoped(prefix, f"w{p}"), nn.Parameter(nn.init.xavier_uniform_(torch.empty(width, width))))
        module.register_parameter(scoped(prefix, f"b{p}"), nn.Parameter(torch.zeros(width)))
    if qk_norm:
        module.register_parameter(scoped(prefix, "q_scale"), nn.Parameter(torch.ones(width // heads)))
        module.register_parameter(scoped(prefix, "k_scale"), nn.Parameter(torch.ones(width // heads)))


def attention_weights(module, prefix):
    """The eight projection tensors registered by attention_parameters, in multi_head_attention's order."""
    return tuple(getattr(module, scoped(prefix, f"{kind}{p}")) for p in "qkvo" for kind in "wb")


def qk_scales(module, prefix):
    """The qk-norm scales registered by attention_parameters, or (None, None) without qk_norm."""
    return getattr(module, scoped(prefix, "q_scale"), None), getattr(module, scoped(prefix, "k_scale"), None)


def scoped(prefix, name):
    """The parameter `name` of a sub-layer called `prefix` ("" for none), as the studio names it."""
    return f"{prefix}_{name}" if prefix else name


def feed_forward(x, w1, b1, w2, b2, activation="gelu", dropout=0.0, training=False):
    """Linear(d → hidden), activation, dropout, Linear(hidden → d)."""
    h = F.linear(x, w1, b1)
    h = {"relu": F.relu, "gelu": F.gelu, "silu": F.silu}[activation](h)
    return F.linear(F.dropout(h, dropout, training), w2, b2)
