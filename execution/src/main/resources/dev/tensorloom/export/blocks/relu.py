class ReLU(nn.Module):
    """max(x, 0) (block type `relu`)."""

    def forward(self, x):
        return F.relu(x)
