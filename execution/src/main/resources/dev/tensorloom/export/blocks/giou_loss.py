# tensorloom-uses: _boxes
class GIoULoss(nn.Module):
    """Mean of 1 − GIoU(pred, target) over all boxes [*, 4] given as x1, y1, x2, y2 (block type `giou_loss`)."""

    def forward(self, pred, target):
        return (1 - box_giou(pred, target)).mean()
