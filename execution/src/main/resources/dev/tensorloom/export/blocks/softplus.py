class Softplus(nn.Module):
    """log(1 + e^(beta·x)) / beta, taken as x where beta·x > 20 (block type `softplus`)."""

    def __init__(self, *, beta=1.0):
        super().__init__()
        self.beta = beta

    def forward(self, x):
        return F.softplus(x, beta=self.beta)
