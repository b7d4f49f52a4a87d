# tensorloom-uses: _attention
class FeedForward(nn.Module):
    """Position-wise MLP over the last dimension (block type `feedforward`): Linear(d_model → hidden) (w1, b1),
    the activation (relu, gelu or silu), dropout, Linear(hidden → d_model) (w2, b2)."""

    def __init__(self, *, d_model=64, hidden=256, activation="gelu", dropout=0.0):
        super().__init__()
        self.activation = activation
        self.dropout = dropout
        self.w1 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(hidden, d_model)))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.w2 = nn.Parameter(nn.init.xavier_uniform_(torch.empty(d_model, hidden)))
        self.b2 = nn.Parameter(torch.zeros(d_model))

    def forward(self, x):
        return feed_forward(x, self.w1, self.b1, self.w2, self.b2, self.activation, self.dropout, self.training)
