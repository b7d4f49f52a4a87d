class AvgPool2d(nn.Module):
    """The mean of each kernel × kernel window of [B, C, H, W], padded zeros counting in the mean
    (block type `avgpool2d`)."""

    def __init__(self, *, kernel=2, stride=2, padding=0):
        super().__init__()
        self.kernel = kernel
        self.stride = stride
        self.padding = padding

    def forward(self, x):
        return F.avg_pool2d(x, self.kernel, self.stride, self.padding, count_include_pad=True)
