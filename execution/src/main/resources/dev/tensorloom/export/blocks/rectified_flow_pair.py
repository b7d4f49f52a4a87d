# tensorloom-training-only
class RectifiedFlowPair(nn.Module):
    """The training pair of rectified flow (block type `rectified_flow_pair`): draws t [B] (logit-normal,
    sigmoid of N(mean, std²), or uniform on [0, 1)) and noise ε ~ N(0, I) shaped like x0, and returns
    x_t = (1 − t)·x0 + t·ε, t and the velocity target ε − x0. When `replay` holds {"t": ..., "noise": ...}
    (train.py sets it to the studio's draws of each step), those are used instead of new draws."""

    def __init__(self, *, t_sampling="logit_normal", mean=0.0, std=1.0):
        super().__init__()
        self.t_sampling = t_sampling
        self.mean = mean
        self.std = std
        self.replay = None

    def forward(self, x0):
        t, noise = (self.replay["t"], self.replay["noise"]) if self.replay is not None else self.draw(x0)
        t_per_example = t.reshape(-1, *([1] * (x0.dim() - 1)))
        x_t = x0 * (1 - t_per_example) + noise * t_per_example
        return x_t, t, noise - x0

    def draw(self, x0):
        batch = x0.shape[0]
        if self.t_sampling == "uniform":
            t = torch.rand(batch, device=x0.device)
        else:
            t = torch.sigmoid(torch.randn(batch, device=x0.device) * self.std + self.mean)
        return t, torch.randn_like(x0)
