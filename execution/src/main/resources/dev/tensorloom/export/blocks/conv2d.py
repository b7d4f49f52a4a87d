# tensorloom-derive: in_channels = in[1]
class Conv2d(nn.Module):
    """2-D convolution of [B, C, H, W] images with a square kernel, zero padding on every border and a
    bias per output channel (block type `conv2d`). Weight [out_channels, in_channels, kernel, kernel]."""

    def __init__(self, *, in_channels, out_channels=32, kernel=3, stride=1, padding=1, bias=True):
        super().__init__()
        self.stride = stride
        self.padding = padding
        bound = 1 / math.sqrt(in_channels * kernel * kernel)
        self.weight = nn.Parameter(torch.empty(out_channels, in_channels, kernel, kernel).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out_channels).uniform_(-bound, bound)) if bias else None

    def forward(self, x):
        return F.conv2d(x, self.weight, self.bias, stride=self.stride, padding=self.padding)
