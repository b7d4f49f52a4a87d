# tensorloom-uses: _pooling
class MaxPool2d(_Pool2d):
    """The largest value of each kernel × kernel window of [B, C, H, W], padding counting as −∞
    (block type `maxpool2d`)."""

    def forward(self, x):
        return F.max_pool2d(x, self.kernel, self.stride, self.padding)
