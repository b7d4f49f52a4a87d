class Multiply(nn.Module):
    """a · b element by element, broadcasting (block type `multiply`)."""

    def forward(self, a, b):
        return a * b
