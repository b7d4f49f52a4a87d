# tensorloom-uses: _boxes, _varifocal
class DenseDetectionLoss(nn.Module):
    """Loss of the dense box head (block type `dense_detection_loss`). Cells are assigned to targets by
    centre sampling (`assign`); then

        loss = [Σ_cells,classes varifocal(logit, q) + box_weight · Σ_assigned (1 − GIoU(box, target))] / max(1, assigned)

    where the IoU-aware target q is, for an assigned cell, the IoU of its (detached) predicted box with its
    target at the target's class and 0 elsewhere. Inputs: logits [B, N, C], boxes [B, N, 4], target boxes
    [B, T, 4] and labels [B, T] (label < 0 = padding); the N cells form a square grid."""

    def __init__(self, *, stride=4, radius=1.5, box_weight=2.0, alpha=0.75, gamma=2.0):
        super().__init__()
        self.stride = stride
        self.radius = radius
        self.box_weight = box_weight
        self.alpha = alpha
        self.gamma = gamma

    def forward(self, pred_logits, pred_boxes, target_boxes, target_labels):
        batch, cells, classes = pred_logits.shape
        assigned, boxes, labels = self.assign(target_boxes, target_labels, cells, classes)
        logits = pred_logits.reshape(batch * cells, classes)
        normaliser = max(1, len(assigned))
        quality = torch.zeros(batch * cells, classes, device=logits.device)
        if not assigned:
            return varifocal_terms(logits, quality, self.alpha, self.gamma).sum() / normaliser
        index = torch.tensor(assigned, device=logits.device)
        predicted = pred_boxes.reshape(batch * cells, 4)[index]
        targets = torch.tensor(boxes, dtype=torch.float32, device=logits.device)
        iou = box_iou(predicted.detach(), targets).clamp(min=0)
        quality[index] = F.one_hot(torch.tensor(labels, device=logits.device), classes).float() * iou[:, None]
        class_loss = varifocal_terms(logits, quality, self.alpha, self.gamma).sum()
        box_loss = (1 - box_giou(predicted, targets)).sum() * self.box_weight
        return (class_loss + box_loss) / normaliser

    def assign(self, target_boxes, target_labels, cells, classes):
        """Centre sampling (FCOS): a cell is a positive of a target when its centre lies inside the target's
        box and within radius·stride of the box centre on both axes; a cell several targets claim takes
        the smallest box (the first of equal ones); a target no cell claims (a box smaller than a cell)
        gets the cell holding its centre. Returns the assigned cells as flat indices b·N + n, their target
        boxes and their labels, image by image and cell by cell."""
        side = round(math.sqrt(cells))
        if side * side != cells:
            raise ValueError(f"dense detection loss needs a square grid of cells, got {cells}")
        grid = (torch.arange(side, dtype=torch.float64) + 0.5) * self.stride
        cy, cx = grid.repeat_interleave(side)[:, None], grid.repeat(side)[:, None]  # [N, 1], row-major cells
        reach = self.radius * self.stride
        assigned, boxes, labels = [], [], []
        for image, (image_boxes, image_labels) in enumerate(zip(target_boxes.tolist(), target_labels.tolist())):
            real = [(box, label) for box, label in zip(image_boxes, image_labels) if label >= 0]
            if any(label >= classes for _, label in real):
                raise ValueError(f"target label outside 0..{classes - 1}")
            if not real:
                continue
            x1, y1, x2, y2 = torch.tensor([box for box, _ in real], dtype=torch.float64).unbind(-1)  # [T] each
            inside = (cx >= x1) & (cx < x2) & (cy >= y1) & (cy < y2)
            near = ((cx - (x1 + x2) / 2).abs() <= reach) & ((cy - (y1 + y2) / 2).abs() <= reach)
            area = (x2 - x1).clamp(min=0) * (y2 - y1).clamp(min=0)
            candidate_area = torch.where(inside & near, area, math.inf)  # [N, T]
            owner = torch.where(candidate_area.isfinite().any(dim=1), candidate_area.argmin(dim=1), -1).tolist()
            claimed = set(owner)
            for t, (box, _) in enumerate(real):
                if t not in claimed:
                    column = min(max(math.floor((box[0] + box[2]) / 2 / self.stride), 0), side - 1)
                    row = min(max(math.floor((box[1] + box[3]) / 2 / self.stride), 0), side - 1)
                    owner[row * side + column] = t
            for cell, t in enumerate(owner):
                if t >= 0:
                    assigned.append(image * cells + cell)
                    boxes.append(real[t][0])
                    labels.append(real[t][1])
        return assigned, boxes, labels
