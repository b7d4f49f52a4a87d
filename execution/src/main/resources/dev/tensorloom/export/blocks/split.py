class Split(nn.Module):
    """Cuts the input in two along `axis`: a takes the first split_size entries (0: half), b the rest
    (block type `split`)."""

    def __init__(self, *, axis=-1, split_size=0):
        super().__init__()
        self.axis = axis
        self.split_size = split_size

    def forward(self, x):
        length = x.shape[self.axis]
        cut = self.split_size if self.split_size > 0 else length // 2
        a, b = torch.split(x, (cut, length - cut), dim=self.axis)
        return a, b
