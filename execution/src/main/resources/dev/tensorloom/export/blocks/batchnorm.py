# tensorloom-derive: channels = in[1]
class BatchNorm(nn.Module):
    """Batch normalisation of each channel (dimension 1) over the batch and every other dimension, then a
    per-channel scale gamma and shift beta (block type `batchnorm`). Training normalises with the batch's
    mean and biased variance and moves running_mean and running_var (unbiased) by `momentum`; evaluation
    normalises with the running statistics."""

    def __init__(self, *, channels, momentum=0.1, eps=1e-5):
        super().__init__()
        self.momentum = momentum
        self.eps = eps
        self.gamma = nn.Parameter(torch.ones(channels))
        self.beta = nn.Parameter(torch.zeros(channels))
        self.register_buffer("running_mean", torch.zeros(channels))
        self.register_buffer("running_var", torch.ones(channels))

    def forward(self, x):
        return F.batch_norm(x, self.running_mean, self.running_var, self.gamma, self.beta, self.training,
                            self.momentum, self.eps)
