# tensorloom-uses: _varifocal
class VarifocalLoss(nn.Module):
    """Mean over all elements of the varifocal loss of logits `pred` against IoU-aware targets q in [0, 1]
    (block type `varifocal_loss`); the paper divides the sum by the positives instead, the studio takes
    the mean so the scale does not depend on how many positives a batch has."""

    def __init__(self, *, alpha=0.75, gamma=2.0):
        super().__init__()
        self.alpha = alpha
        self.gamma = gamma

    def forward(self, pred, target):
        return varifocal_terms(pred, target, self.alpha, self.gamma).mean()
