def varifocal_terms(logits, quality, alpha, gamma):
    """Element-wise varifocal loss (VarifocalNet): binary cross-entropy with logits against the IoU-aware
    target q, weighted by q where q > 0 and by α·|σ(p) − q|^γ where q = 0 (the weight keeps its gradient,
    as in the studio)."""
    # stable BCE with logits: max(p, 0) − p·q + log(1 + exp(−|p|))
    zero = torch.zeros((), dtype=logits.dtype, device=logits.device)
    bce = torch.maximum(logits, zero) - logits * quality + (torch.exp(-logits.abs()) + 1).log()
    positive = (quality > 0).to(logits.dtype)
    negative_weight = (torch.sigmoid(logits) - quality).abs().pow(gamma) * alpha
    weight = quality * positive + negative_weight * (1 - positive)
    return bce * weight
