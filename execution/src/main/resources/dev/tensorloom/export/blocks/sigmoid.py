class Sigmoid(nn.Module):
    """1 / (1 + e^−x) (block type `sigmoid`)."""

    def forward(self, x):
        return torch.sigmoid(x)
