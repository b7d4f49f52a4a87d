class Reshape(nn.Module):
    """Gives each example the shape `shape` (the dimensions after the batch, written "16, 16"; one may be
    −1, inferred from the element count) (block type `reshape`)."""

    def __init__(self, *, shape="-1"):
        super().__init__()
        self.dims = tuple(int(d) for d in shape.strip().strip("[]").split(","))

    def forward(self, x):
        return x.reshape(x.shape[0], *self.dims)
