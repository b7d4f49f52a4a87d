class Tanh(nn.Module):
    """The hyperbolic tangent (block type `tanh`)."""

    def forward(self, x):
        return torch.tanh(x)
