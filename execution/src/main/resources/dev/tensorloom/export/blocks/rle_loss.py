class RleLoss(nn.Module):
    """Residual Log-likelihood Estimation loss (Li et al. 2021) as the authors' code computes it (block type
    `rle_loss`). Per keypoint k and coordinate d, with r = pred − target and μ̄ = r/σ:
    nf = log σ_d − log G(μ̄) (G a RealNVP density on 2-D points held inside this block, broadcast over both
    coordinates as in the reference) and log Q = log(σ_d·√(2π)) + |r_d|/(√2·σ_d) (the code's Laplace Q);
    the loss is the sum of nf + log Q over batch, keypoints and coordinates, divided by the batch size.

    The flow: couplings c0 … c5 with masks [0, 1], [1, 0], … (1 marks the conditioning coordinate); each
    has nets s (ending in tanh) and t, 2 → hidden → hidden → 2 with LeakyReLU(0.01); its parameters are
    c{i}_{s|t}_{w1,b1,w2,b2,w3,b3} ([out, in] weights)."""

    couplings = 6
    sigma_eps = 1e-9
    log_amplitude = -0.5 * math.log(2 * math.pi)  # log a of the Laplace Q, a = 1/√(2π)

    def __init__(self, *, hidden=64):
        super().__init__()
        for i in range(self.couplings):
            for net in "st":
                for layer, (fan_out, fan_in) in enumerate([(hidden, 2), (hidden, hidden), (2, hidden)], start=1):
                    bound = 1 / math.sqrt(fan_in)
                    prefix = f"c{i}_{net}_"
                    self.register_parameter(f"{prefix}w{layer}",
                                            nn.Parameter(torch.empty(fan_out, fan_in).uniform_(-bound, bound)))
                    self.register_parameter(f"{prefix}b{layer}", nn.Parameter(torch.empty(fan_out).uniform_(-bound, bound)))

    def forward(self, pred, sigma, target):
        # σ + 1e-9 throughout (the reference adds it only to √2·σ): the same for any σ a sigmoid gives, and
        # a σ of exactly 0 stays finite
        sigma = sigma + self.sigma_eps
        residual = pred - target
        batch, keypoints = residual.shape[:2]
        log_g = self.log_prob(residual.div(sigma).reshape(batch * keypoints, 2)).reshape(batch, keypoints, 1)
        log_sigma = sigma.log()
        nf = log_sigma - log_g
        log_q = log_sigma - self.log_amplitude + residual.abs() / (sigma * math.sqrt(2))
        return (nf + log_q).sum() / batch

    def log_prob(self, x):
        """log G(x) for points [N, 2]: runs the couplings backwards from data to the N(0, I) base."""
        z = x
        log_det = 0
        for i in reversed(range(self.couplings)):
            mask = torch.tensor([[0.0, 1.0]] if i % 2 == 0 else [[1.0, 0.0]], device=x.device)
            free = 1 - mask
            conditioning = z * mask
            s = self.net(conditioning, i, "s").tanh() * free
            t = self.net(conditioning, i, "t") * free
            z = conditioning + (z - t) * torch.exp(-s) * free
            log_det = log_det - s.sum(dim=1)
        return z.square().sum(dim=1) * -0.5 - math.log(2 * math.pi) + log_det

    def net(self, x, i, name):
        """The coupling's s or t network: Linear, LeakyReLU(0.01), Linear, LeakyReLU(0.01), Linear."""
        weights = [getattr(self, f"c{i}_{name}_{p}{layer}") for layer in (1, 2, 3) for p in "wb"]
        h = F.leaky_relu(F.linear(x, weights[0], weights[1]), 0.01)
        h = F.leaky_relu(F.linear(h, weights[2], weights[3]), 0.01)
        return F.linear(h, weights[4], weights[5])
