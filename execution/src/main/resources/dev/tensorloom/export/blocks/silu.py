class SiLU(nn.Module):
    """x·sigmoid(x) (block type `silu`)."""

    def forward(self, x):
        return F.silu(x)
