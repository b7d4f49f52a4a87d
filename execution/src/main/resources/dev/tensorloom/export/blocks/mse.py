class MeanSquaredError(nn.Module):
    """mean((pred − target)²) over every element (block type `mse`)."""

    def forward(self, pred, target):
        return (pred - target).square().mean()
