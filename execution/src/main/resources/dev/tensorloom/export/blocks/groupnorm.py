# tensorloom-derive: channels = in[1]
class GroupNorm(nn.Module):
    """Normalises each example's channels in `groups` groups (mean and biased variance over the group's
    channels and positions), then scales and shifts per channel (block type `groupnorm`)."""

    def __init__(self, *, channels, groups=8, eps=1e-5):
        super().__init__()
        self.groups = groups
        self.eps = eps
        self.gamma = nn.Parameter(torch.ones(channels))
        self.beta = nn.Parameter(torch.zeros(channels))

    def forward(self, x):
        return F.group_norm(x, self.groups, self.gamma, self.beta, self.eps)
