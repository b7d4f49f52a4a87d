class _Pool2d(nn.Module):
    """What the 2-D poolings share: a kernel × kernel window moved by stride over [B, C, H, W] padded by
    padding; each subclass says what a window gives."""

    def __init__(self, *, kernel=2, stride=2, padding=0):
        super().__init__()
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
