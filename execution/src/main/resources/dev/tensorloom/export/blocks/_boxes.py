BOX_EPS = 1e-7  # keeps divisions finite for zero-area boxes without moving normal results


def box_iou(pred, target):
    """Element-wise IoU of [..., 4] boxes (x1, y1, x2, y2), broadcasting; result [...]. In float64 it gives
    exactly the studio's double-precision BoxOps.iou, in float32 its tensor version."""
    inter, union = _intersection_and_union(pred, target)
    return inter / (union + BOX_EPS)


def box_giou(pred, target):
    """IoU minus the share of the smallest enclosing box that the union leaves empty."""
    inter, union = _intersection_and_union(pred, target)
    enclose = _enclosing_width(pred, target) * _enclosing_height(pred, target)
    return inter / (union + BOX_EPS) - (enclose - union) / (enclose + BOX_EPS)


def box_diou(pred, target):
    """IoU minus the squared centre distance over the enclosing box's squared diagonal."""
    return box_iou(pred, target) - _centre_distance_penalty(pred, target)


def box_ciou(pred, target):
    """DIoU minus α·v, v = 4/π²·(atan(w_t/h_t) − atan(w_p/h_p))² penalising aspect-ratio mismatch, with α =
    v / (1 − IoU + v) taken without gradient as in the CIoU paper."""
    iou = box_iou(pred, target)
    pred_w, pred_h = pred[..., 2] - pred[..., 0], pred[..., 3] - pred[..., 1]
    target_w, target_h = target[..., 2] - target[..., 0], target[..., 3] - target[..., 1]
    angle = torch.atan(target_w / (target_h + BOX_EPS)) - torch.atan(pred_w / (pred_h + BOX_EPS))
    v = angle * angle * (4 / (math.pi * math.pi))
    alpha = (v / (1 - iou + v + BOX_EPS)).detach()
    return iou - _centre_distance_penalty(pred, target) - alpha * v


def _intersection_and_union(pred, target):
    px1, py1, px2, py2 = pred.unbind(-1)
    tx1, ty1, tx2, ty2 = target.unbind(-1)
    inter_w = _at_least_zero(torch.minimum(px2, tx2) - torch.maximum(px1, tx1))
    inter_h = _at_least_zero(torch.minimum(py2, ty2) - torch.maximum(py1, ty1))
    inter = inter_w * inter_h
    pred_area = _at_least_zero(px2 - px1) * _at_least_zero(py2 - py1)
    target_area = _at_least_zero(tx2 - tx1) * _at_least_zero(ty2 - ty1)
    return inter, pred_area + target_area - inter


def _enclosing_width(pred, target):
    return torch.maximum(pred[..., 2], target[..., 2]) - torch.minimum(pred[..., 0], target[..., 0])


def _enclosing_height(pred, target):
    return torch.maximum(pred[..., 3], target[..., 3]) - torch.minimum(pred[..., 1], target[..., 1])


def _centre_distance_penalty(pred, target):
    dx = (pred[..., 0] + pred[..., 2] - target[..., 0] - target[..., 2]) / 2
    dy = (pred[..., 1] + pred[..., 3] - target[..., 1] - target[..., 3]) / 2
    width, height = _enclosing_width(pred, target), _enclosing_height(pred, target)
    return (dx * dx + dy * dy) / (width * width + height * height + BOX_EPS)


def _at_least_zero(x):
    """max(x, 0) as torch.maximum computes it: a tie at exactly 0 passes half the gradient, as in the studio."""
    return torch.maximum(x, torch.zeros((), dtype=x.dtype, device=x.device))
