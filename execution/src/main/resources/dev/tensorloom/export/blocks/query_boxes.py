class QueryBoxes(nn.Module):
    """DETR's box parametrisation: sigmoid of [*, 4] as centre x, centre y, width and height in units of
    the image side, returned as corners x1, y1, x2, y2 in pixels (block type `query_boxes`)."""

    def __init__(self, *, image_size=64.0):
        super().__init__()
        self.image_size = image_size

    def forward(self, x):
        cx, cy, w, h = (torch.sigmoid(x) * self.image_size).unbind(-1)
        return torch.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], dim=-1)
