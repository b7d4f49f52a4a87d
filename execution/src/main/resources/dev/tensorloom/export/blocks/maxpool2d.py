class MaxPool2d(nn.Module):
    """The largest value of each kernel × kernel window of [B, C, H, W], padding counting as −∞
    (block type `maxpool2d`)."""

    def __init__(self, *, kernel=2, stride=2, padding=0):
        super().__init__()
        self.kernel = kernel
        self.stride = stride
        self.padding = padding

    def forward(self, x):
        return F.max_pool2d(x, self.kernel, self.stride, self.padding)
