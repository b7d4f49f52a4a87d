# tensorloom-uses: _boxes
class DIoULoss(nn.Module):
    """Mean of 1 − DIoU(pred, target) over all boxes [*, 4] given as x1, y1, x2, y2 (block type `diou_loss`)."""

    def forward(self, pred, target):
        return (1 - box_diou(pred, target)).mean()
