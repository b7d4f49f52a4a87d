def sinusoidal_table(length, width):
    """Vaswani et al.: PE[p, 2i] = sin(p / 10000^(2i/D)), PE[p, 2i+1] = cos(p / 10000^(2i/D)), in float64
    and then rounded to float32, as the studio computes it."""
    position = torch.arange(length, dtype=torch.float64)[:, None]
    channel = torch.arange(width)
    pair_start = (channel - channel % 2).to(torch.float64)
    angle = position / torch.pow(10000.0, pair_start / width)
    table = torch.where(channel % 2 == 0, torch.sin(angle), torch.cos(angle))
    return table.to(torch.float32)


def sincos_2d_table(grid_h, grid_w, width):
    """The 2-D table of MAE and DiT for tokens in row-major order: channels [0, D/2) embed the row and
    [D/2, D) the column, each as sin(pos·ω_i) then cos(pos·ω_i), ω_i = 10000^(−i/(D/4))."""
    quarter = width // 4
    omega = torch.pow(10000.0, -torch.arange(quarter, dtype=torch.float64) / quarter)
    rows = torch.arange(grid_h, dtype=torch.float64).repeat_interleave(grid_w)[:, None] * omega
    cols = torch.arange(grid_w, dtype=torch.float64).repeat(grid_h)[:, None] * omega
    table = torch.cat([rows.sin(), rows.cos(), cols.sin(), cols.cos()], dim=1)
    return table.to(torch.float32)
