class L1Loss(nn.Module):
    """mean(|pred − target|) over every element (block type `l1_loss`)."""

    def forward(self, pred, target):
        return (pred - target).abs().mean()
