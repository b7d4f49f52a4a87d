class DenseBoxes(nn.Module):
    """The anchor-free dense box head (block type `dense_boxes`): a [B, 4+C, H, W] map read as one
    prediction per cell, cells in row-major order. Channels 0-3 are distances to the box's left, top,
    right and bottom edges, softplus(raw)·stride pixels from the cell centre ((j+½)·stride, (i+½)·stride);
    the other C channels are class logits. Returns boxes [B, H·W, 4] (x1, y1, x2, y2) and logits
    [B, H·W, C]."""

    def __init__(self, *, classes=2, stride=4):
        super().__init__()
        self.classes = classes
        self.stride = stride

    def forward(self, x):
        batch, channels, height, width = x.shape
        if channels != 4 + self.classes:
            raise ValueError(f"dense box head expects {4 + self.classes} channels, got {channels}")
        cells = x.permute(0, 2, 3, 1).reshape(batch, height * width, channels)
        distances = F.softplus(cells[..., :4])
        directions = torch.tensor([-1.0, -1.0, 1.0, 1.0], device=x.device) * self.stride
        boxes = distances * directions + self.cell_centres(height, width, x.device)
        return boxes, cells[..., 4:]

    def cell_centres(self, height, width, device):
        """[H·W, 4] rows (cx, cy, cx, cy) of every cell centre, in pixels."""
        rows = torch.arange(height, dtype=torch.float64).repeat_interleave(width)
        cols = torch.arange(width, dtype=torch.float64).repeat(height)
        cx, cy = (cols + 0.5) * self.stride, (rows + 0.5) * self.stride
        return torch.stack([cx, cy, cx, cy], dim=1).to(torch.float32).to(device)
