class Embedding(nn.Module):
    """Looks up rows of a [vocab, dim] table by integer index (block type `embedding`)."""

    def __init__(self, *, vocab, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(vocab, dim))

    def forward(self, x):
        return F.embedding(x, self.weight)
