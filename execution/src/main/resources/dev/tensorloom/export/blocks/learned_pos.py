# tensorloom-derive: width = in[-1]
class LearnedPositions(nn.Module):
    """Adds the first T rows of a trainable [max_len, D] position table to [B, T, D] (block type
    `learned_pos`)."""

    def __init__(self, *, width, max_len=512):
        super().__init__()
        self.table = nn.Parameter(torch.randn(max_len, width) * 0.02)

    def forward(self, x):
        return x + self.table[: x.shape[1]]
