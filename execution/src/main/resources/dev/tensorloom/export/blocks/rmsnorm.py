# tensorloom-derive: features = in[-1]
class RMSNorm(nn.Module):
    """x / sqrt(mean(x²) + eps) · weight over the last dimension (block type `rmsnorm`)."""

    def __init__(self, *, features, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(features))

    def forward(self, x):
        return x / (x.square().mean(dim=-1, keepdim=True) + self.eps).sqrt() * self.weight
