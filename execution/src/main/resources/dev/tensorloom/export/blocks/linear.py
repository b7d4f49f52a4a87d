# tensorloom-derive: in_features = in[-1]
class Linear(nn.Module):
    """y = x Wᵀ + b over the last dimension (block type `linear`)."""

    def __init__(self, *, in_features, out_features, bias=True):
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out_features).uniform_(-bound, bound)) if bias else None

    def forward(self, x):
        return F.linear(x, self.weight, self.bias)
