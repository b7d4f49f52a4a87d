# tensorloom-uses: _boxes
class CIoULoss(nn.Module):
    """Mean of 1 − CIoU(pred, target) over all boxes [*, 4] given as x1, y1, x2, y2 (block type `ciou_loss`)."""

    def forward(self, pred, target):
        return (1 - box_ciou(pred, target)).mean()
