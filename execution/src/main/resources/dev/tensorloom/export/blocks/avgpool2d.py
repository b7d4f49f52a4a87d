# tensorloom-uses: _pooling
class AvgPool2d(_Pool2d):
    """The mean of each kernel × kernel window of [B, C, H, W], padded zeros counting in the mean
    (block type `avgpool2d`)."""

    def forward(self, x):
        return F.avg_pool2d(x, self.kernel, self.stride, self.padding, count_include_pad=True)
