# tensorloom-uses: _boxes
def decode_detections(logits, boxes, *, no_object_class=False, min_score=0.05, nms_iou=0.5, max_detections=50):
    """Scored detections per image from a detector's class logits [B, N, K] and boxes [B, N, 4] (x1, y1, x2,
    y2), as the studio decodes them for its activation view and its mAP: class scores are sigmoids, or
    with no_object_class a softmax over the K logits whose last ("no object") is then dropped; scores below
    min_score go; class by class, greedy non-maximum suppression keeps at most max_detections boxes that
    overlap no better-scoring kept box by more than nms_iou. Returns one list per image of
    (label, score, (x1, y1, x2, y2)) tuples, class by class, best first; computed in float64 as the studio
    does."""
    logits = logits.detach().to("cpu", torch.float64)
    boxes = boxes.detach().to("cpu", torch.float64)
    if no_object_class:
        exponentials = torch.exp(logits - logits.max(dim=-1, keepdim=True).values)
        scores = (exponentials / exponentials.sum(dim=-1, keepdim=True))[..., :-1]
    else:
        scores = 1 / (1 + torch.exp(-logits))
    detections = []
    for image_scores, image_boxes in zip(scores, boxes):
        found = []
        for label in range(image_scores.shape[1]):
            candidates = (image_scores[:, label] >= min_score).nonzero().flatten()
            label_scores, label_boxes = image_scores[candidates, label], image_boxes[candidates]
            for k in non_max_suppression(label_boxes, label_scores, nms_iou, max_detections):
                found.append((label, label_scores[k].item(), tuple(label_boxes[k].tolist())))
        detections.append(found)
    return detections


def non_max_suppression(boxes, scores, iou_threshold, limit):
    """Greedy NMS (as torchvision.ops.nms): boxes by descending score (equal scores in index order), each
    kept unless it overlaps an already kept box by IoU above the threshold. Returns the kept indices in
    that order, at most `limit` of them."""
    order = torch.sort(scores, descending=True, stable=True).indices.tolist()
    overlap = box_iou(boxes[:, None, :], boxes[None, :, :]).tolist()
    kept = []
    for i in order:
        if len(kept) == limit:
            break
        if all(overlap[i][k] <= iou_threshold for k in kept):
            kept.append(i)
    return kept
