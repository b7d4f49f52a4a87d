class CrossEntropy(nn.Module):
    """−mean log softmax(pred)[target] over the positions whose label is not ignore_index (−1: none)
    (block type `cross_entropy`). Logits [*, C], labels [*]."""

    def __init__(self, *, ignore_index=-1):
        super().__init__()
        self.ignore_index = ignore_index

    def forward(self, pred, target):
        log_probs = F.log_softmax(pred, dim=-1).reshape(-1, pred.shape[-1])
        labels = target.long().reshape(-1, 1)
        if self.ignore_index < 0:
            return -log_probs.gather(1, labels).mean()
        keep = labels != self.ignore_index
        # Ignored labels may lie outside [0, C): point them at class 0 and weight them by zero.
        picked = log_probs.gather(1, labels * keep.long()) * keep.float()
        return -picked.sum() / keep.float().sum().clamp(min=1)
