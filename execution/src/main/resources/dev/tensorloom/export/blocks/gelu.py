class GELU(nn.Module):
    """x·Φ(x) with the exact erf (approximate="none") or its tanh approximation
    0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (approximate="tanh") (block type `gelu`)."""

    def __init__(self, *, approximate="none"):
        super().__init__()
        self.approximate = approximate

    def forward(self, x):
        return F.gelu(x, approximate=self.approximate)
