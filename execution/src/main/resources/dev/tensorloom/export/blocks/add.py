class Add(nn.Module):
    """a + b, broadcasting (block type `add`)."""

    def forward(self, a, b):
        return a + b
