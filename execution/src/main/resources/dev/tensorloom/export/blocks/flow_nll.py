class FlowNegativeLogLikelihood(nn.Module):
    """The loss of a normalizing flow under a standard normal prior (block type `flow_nll`): per example
    −log N(z; 0, I) − logdet = ½·Σz² + (D/2)·log 2π − logdet, averaged over the batch. z [B, D], logdet [B]."""

    def forward(self, z, logdet):
        batch = z.shape[0]
        features = z.numel() // batch
        per_example = z.square().reshape(batch, features).sum(1) * 0.5 + 0.5 * features * math.log(2 * math.pi) - logdet
        return per_example.mean()
