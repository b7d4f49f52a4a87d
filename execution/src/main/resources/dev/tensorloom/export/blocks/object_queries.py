class ObjectQueries(nn.Module):
    """DETR's learned object queries: a trained [Q, D] table repeated for every example of the batch that
    flows in (the input only sets B) → [B, Q, D] (block type `object_queries`)."""

    def __init__(self, *, queries=10, d_model=64):
        super().__init__()
        self.queries = nn.Parameter(torch.randn(queries, d_model))

    def forward(self, x):
        return self.queries.expand(x.shape[0], -1, -1)
