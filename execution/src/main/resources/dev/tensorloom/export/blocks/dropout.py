class Dropout(nn.Module):
    """Zeroes each element with probability p while training and scales the rest by 1 / (1 − p); the
    identity in evaluation (block type `dropout`)."""

    def __init__(self, *, p=0.1):
        super().__init__()
        self.p = p

    def forward(self, x):
        return F.dropout(x, self.p, self.training)
