# tensorloom-derive: features = pred[-1]
class ArcFaceLoss(nn.Module):
    """Additive angular margin loss (ArcFace, Deng et al. 2019; block type `arcface_loss`): cos θ_j = x̂·ŵ_j
    with the embedding and the class centres (`weight` [classes, D]) L2-normalised; the true class's logit
    is s·cos(θ_y + m), the others s·cos θ_j; the loss is the mean cross-entropy. Where θ_y + m would pass
    π the logit is s·(cos θ − m·sin m) instead, which keeps it decreasing in θ; with easy_margin the margin
    applies only where cos θ > 0."""

    cos_clamp = 1 - 1e-6  # keeps sin θ = √(1 − cos²θ) differentiable

    def __init__(self, *, classes=100, scale=30.0, margin=0.5, easy_margin=False, features):
        super().__init__()
        self.classes = classes
        self.scale = scale
        self.margin = margin
        self.easy_margin = easy_margin
        self.weight = nn.Parameter(torch.randn(classes, features) * 0.01)

    def forward(self, pred, target):
        cos = (self.normalise(pred) @ self.normalise(self.weight).t()).clamp(-self.cos_clamp, self.cos_clamp)
        sin = (1 - cos.square()).sqrt()
        with_margin = cos * math.cos(self.margin) - sin * math.sin(self.margin)  # cos(θ + m)
        if self.easy_margin:
            target_cos = torch.where(cos > 0, with_margin, cos)
        else:
            target_cos = torch.where(cos > math.cos(math.pi - self.margin), with_margin,
                                     cos - math.sin(math.pi - self.margin) * self.margin)
        one_hot = F.one_hot(target.long(), self.classes).to(cos.dtype)
        logits = (cos + (target_cos - cos) * one_hot) * self.scale
        return -(F.log_softmax(logits, dim=1) * one_hot).sum(dim=1).mean()

    @staticmethod
    def normalise(v):
        """v / ‖v‖ along dimension 1 (with 1e-12 under the root)."""
        return v / (v.square().sum(dim=1, keepdim=True) + 1e-12).sqrt()
