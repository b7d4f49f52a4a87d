class Softmax(nn.Module):
    """exp(x) / Σ exp(x) along `axis` (negative counts from the end) (block type `softmax`)."""

    def __init__(self, *, axis=-1):
        super().__init__()
        self.axis = axis

    def forward(self, x):
        return F.softmax(x, dim=self.axis)
