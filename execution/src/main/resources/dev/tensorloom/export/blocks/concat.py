class Concat(nn.Module):
    """Joins a and b along `axis` (negative counts from the end) (block type `concat`)."""

    def __init__(self, *, axis=-1):
        super().__init__()
        self.axis = axis

    def forward(self, a, b):
        return torch.cat((a, b), dim=self.axis)
