# tensorloom-derive: features = in[-1]
class LayerNorm(nn.Module):
    """(x − mean) / sqrt(var + eps) · gamma + beta over the last dimension (block type `layernorm`)."""

    def __init__(self, *, features, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.gamma = nn.Parameter(torch.ones(features))
        self.beta = nn.Parameter(torch.zeros(features))

    def forward(self, x):
        return F.layer_norm(x, (x.shape[-1],), self.gamma, self.beta, self.eps)
