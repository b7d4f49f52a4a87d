def selective_scan(u, delta, a, b, c, d):
    """Mamba's selective scan, per inner channel i and state n, as a loop over the L steps:
    x_t = exp(Δ_t·A) ⊙ x_{t−1} + Δ_t·B_t·u_t and y_t = C_t·x_t + D·u_t, from x_0 = 0.
    u, delta [B, L, Di]; a [Di, N] (negative); b, c [B, L, N]; d [Di]. Returns y [B, L, Di]."""
    batch, _, inner = u.shape
    decay = (delta.unsqueeze(3) * a).exp()  # [B, L, Di, N]
    drive = (u * delta).unsqueeze(3) * b.unsqueeze(2)  # [B, L, Di, N]
    readout = c.unsqueeze(2)  # [B, L, 1, N]
    state = u.new_zeros(batch, inner, a.shape[1])
    ys = []
    # unbind once: indexing step by step would make backward scatter into the full tensor L times
    for decay_t, drive_t, readout_t in zip(decay.unbind(1), drive.unbind(1), readout.unbind(1)):
        state = decay_t * state + drive_t
        ys.append((state * readout_t).sum(2))
    return torch.stack(ys, 1) + u * d
