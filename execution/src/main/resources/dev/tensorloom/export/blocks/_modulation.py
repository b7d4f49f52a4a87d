def modulate(x, shift, scale):
    """adaLN: LayerNorm of tokens x [B, T, D] without gain or bias (eps 1e-6), then ·(1 + scale) + shift with
    scale and shift [B, D] broadcast over the tokens."""
    return F.layer_norm(x, (x.shape[-1],), eps=1e-6) * (1 + scale[:, None]) + shift[:, None]
