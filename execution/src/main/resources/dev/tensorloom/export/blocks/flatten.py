class Flatten(nn.Module):
    """Merges the dimensions from start_dim to the last into one (block type `flatten`)."""

    def __init__(self, *, start_dim=1):
        super().__init__()
        self.start_dim = start_dim

    def forward(self, x):
        return torch.flatten(x, self.start_dim)
