# tensorloom-uses: _hippo
class S4D(nn.Module):
    """The S4D layer on [B, L, H] (block type `s4d`): per channel a diagonal complex state-space model with
    M = state/2 modes (each standing for a conjugate pair, hence 2·Re), discretised by zero-order hold and
    applied as a causal convolution with its kernel, plus a skip D·u. Complex numbers are kept as real and
    imaginary float32 tensors and multiplied out as the studio does. A = −exp(log_a_real) + i·a_imag;
    B (b_re, b_im) is a fixed buffer. init "lin": A = −½ + iπm, B = 1; "legs": HiPPO-LegS' normal part."""

    def __init__(self, *, d_model=64, state=64, init="lin", dt_min=1e-3, dt_max=1e-1):
        super().__init__()
        modes = state // 2
        self.log_dt = nn.Parameter(torch.empty(d_model).uniform_(math.log(dt_min), math.log(dt_max)))
        if init == "legs":
            a_re, a_im, b_re, b_im = (v.float() for v in hippo_legs_modes(2 * modes))
        else:
            a_re, a_im = torch.full((modes,), -0.5), math.pi * torch.arange(modes, dtype=torch.float32)
            b_re, b_im = torch.ones(modes), torch.zeros(modes)
        self.log_a_real = nn.Parameter((-a_re).log().repeat(d_model, 1))
        self.a_imag = nn.Parameter(a_im.repeat(d_model, 1))
        self.c_re = nn.Parameter(torch.randn(d_model, modes) * math.sqrt(0.5))
        self.c_im = nn.Parameter(torch.randn(d_model, modes) * math.sqrt(0.5))
        self.d = nn.Parameter(torch.randn(d_model))
        self.register_buffer("b_re", b_re)
        self.register_buffer("b_im", b_im)

    def forward(self, u):
        kernel = self.kernel(u.shape[1])
        return self.causal_convolution(u, kernel) + u * self.d

    def kernel(self, length):
        """K[h, l] = 2·Re(Σ_m C̃[h, m]·exp(Δ_h·A[h, m]·l)) with C̃ = C·B̄ and, by zero-order hold,
        B̄ = (exp(ΔA) − 1)/A · B. Returns [H, L]."""
        a_re, a_im = -self.log_a_real.exp(), self.a_imag
        dt = self.log_dt.exp().unsqueeze(1)
        dt_a_re, dt_a_im = dt * a_re, dt * a_im
        decay = dt_a_re.exp()
        # (exp(ΔA) − 1) / A = (exp(ΔA) − 1)·conj(A) / |A|²
        num_re = decay * dt_a_im.cos() - 1
        num_im = decay * dt_a_im.sin()
        norm = a_re * a_re + a_im * a_im
        q_re = (num_re * a_re + num_im * a_im) / norm
        q_im = (num_im * a_re - num_re * a_im) / norm
        cb_re = self.c_re * self.b_re - self.c_im * self.b_im
        cb_im = self.c_re * self.b_im + self.c_im * self.b_re
        weight_re = (cb_re * q_re - cb_im * q_im).unsqueeze(2)
        weight_im = (cb_re * q_im + cb_im * q_re).unsqueeze(2)
        steps = torch.arange(length, dtype=torch.float32, device=dt.device)
        phase = dt_a_im.unsqueeze(2) * steps
        growth = (dt_a_re.unsqueeze(2) * steps).exp()
        real = weight_re * (growth * phase.cos()) - weight_im * (growth * phase.sin())
        return real.sum(1) * 2

    @staticmethod
    def causal_convolution(u, kernel):
        """y[b, t, h] = Σ_{s ≤ t} K[h, t − s]·u[b, s, h]: a depthwise conv1d over the input padded with L − 1
        zeros, the kernel flipped because conv1d correlates. [B, L, H] → [B, L, H]."""
        length, channels = u.shape[1], u.shape[2]
        y = F.conv1d(u.transpose(1, 2), kernel.flip(1).unsqueeze(1), padding=length - 1, groups=channels)
        return y[:, :, :length].transpose(1, 2)
