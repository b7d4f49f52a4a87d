def hippo_legs_modes(n):
    """S4D-LegS: the n/2 modes of HiPPO-LegS' normal part A_N = −½·I + S with positive imaginary part, by
    increasing ω: eigenvalues −½ + iω (ω² the eigenvalues of SᵀS) and B projected onto each mode's
    eigenvector, (u·B + i·w·B)/√2 with w = S·u/ω. In float64. Returns (a_re, a_im, b_re, b_im), each [n/2].
    Each ω² is a double eigenvalue, so the eigenvector picked (and with it the phase of B per mode) may differ
    from the studio's: an equivalent start. Weights exported from the studio carry its B exactly."""
    index = torch.arange(n, dtype=torch.float64)
    root = (2 * index + 1).sqrt()
    legs = -(root[:, None] * root[None, :]).tril(-1) - torch.diag(index + 1)
    skew = legs + ((index + 0.5)[:, None] * (index + 0.5)[None, :]).sqrt() + 0.5 * torch.eye(n, dtype=torch.float64)
    values, vectors = torch.linalg.eigh(skew.T @ skew)  # ascending: each ω² appears twice
    u = vectors[:, 0::2]
    omega = values[0::2].clamp(min=0).sqrt()
    w = skew @ u / omega
    b = root
    return -0.5 * torch.ones(n // 2, dtype=torch.float64), omega, (u.T @ b) / math.sqrt(2), (w.T @ b) / math.sqrt(2)
