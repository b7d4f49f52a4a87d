# tensorloom-uses: _boxes, _hungarian
class DetrSetLoss(nn.Module):
    """DETR's set loss (block type `detr_set_loss`). Per image, predictions are matched one-to-one to the
    real targets (label ≥ 0; negative labels are padding) by the Hungarian algorithm on the cost
    class_cost·(−p(label)) + l1_cost·|Δbox|₁ + giou_cost·(−GIoU). The loss is a weighted cross-entropy over
    all queries (matched queries learn their target's label, the rest the last, "no object", class with
    weight eos_coef) plus l1_cost·L1 and giou_cost·(1 − GIoU) averaged over the matched boxes. Logits
    [B, Q, C+1], boxes [B, Q, 4] (x1, y1, x2, y2); targets [B, T, 4] and labels [B, T]."""

    def __init__(self, *, class_cost=1.0, l1_cost=5.0, giou_cost=2.0, eos_coef=0.1):
        super().__init__()
        self.class_cost = class_cost
        self.l1_cost = l1_cost
        self.giou_cost = giou_cost
        self.eos_coef = eos_coef

    def forward(self, pred_logits, pred_boxes, target_boxes, target_labels):
        batch, queries, classes = pred_logits.shape
        targets = target_boxes.shape[1]
        matched_queries, matched_targets, matched_labels = self.match(pred_logits, pred_boxes, target_boxes,
                                                                      target_labels)
        labels = torch.full((batch * queries,), classes - 1, device=pred_logits.device)  # "no object"
        weight = torch.full((batch * queries,), self.eos_coef, device=pred_logits.device)
        labels[matched_queries] = torch.tensor(matched_labels, dtype=torch.long, device=labels.device)
        weight[matched_queries] = 1.0
        log_probs = pred_logits.reshape(batch * queries, classes).log_softmax(dim=1)
        cross_entropy = -(log_probs * F.one_hot(labels, classes).to(log_probs.dtype)).sum(dim=1)
        loss = (cross_entropy * weight).sum() / weight.sum()
        if matched_queries:
            predicted = pred_boxes.reshape(batch * queries, 4)[matched_queries]
            wanted = target_boxes.reshape(batch * targets, 4)[matched_targets]
            l1 = (predicted - wanted).abs().sum() / len(matched_queries)
            giou = (1 - box_giou(predicted, wanted)).sum() / len(matched_queries)
            loss = loss + l1 * self.l1_cost + giou * self.giou_cost
        return loss

    @torch.no_grad()
    def match(self, pred_logits, pred_boxes, target_boxes, target_labels):
        """Hungarian matching of every image on its matching cost (in float64, as the studio computes it).
        Returns the matched predictions as flat indices b·Q + q, their targets as b·T + t, and the labels."""
        batch, queries, classes = pred_logits.shape
        targets = target_boxes.shape[1]
        probabilities = pred_logits.softmax(dim=2).double()
        matched_queries, matched_targets, matched_labels = [], [], []
        for image in range(batch):
            real = [t for t, label in enumerate(target_labels[image].tolist()) if label >= 0]
            labels = target_labels[image, real]
            if (labels >= classes - 1).any():
                raise ValueError(f"target label outside 0..{classes - 2} (the last of the {classes} logits is "
                                 "'no object')")
            predicted = pred_boxes[image].double()[:, None, :]  # [Q, 1, 4]
            wanted = target_boxes[image, real].double()[None, :, :]  # [1, T, 4]
            distance = (predicted - wanted).abs()
            l1 = distance[..., 0] + distance[..., 1] + distance[..., 2] + distance[..., 3]
            class_probability = probabilities[image][:, labels]  # [Q, T]
            cost = -self.class_cost * class_probability + self.l1_cost * l1 - self.giou_cost * box_giou(predicted, wanted)
            for t, query in enumerate(hungarian_match(cost.tolist()) if real else []):
                matched_queries.append(image * queries + query)
                matched_targets.append(image * targets + real[t])
                matched_labels.append(int(labels[t]))
        return matched_queries, matched_targets, matched_labels
