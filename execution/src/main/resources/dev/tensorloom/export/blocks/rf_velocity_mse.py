class RectifiedFlowVelocityLoss(nn.Module):
    """mean((pred − target)²) over every element, between the predicted and the target velocity ε − x0 of
    rectified flow (block type `rf_velocity_mse`)."""

    def forward(self, pred, target):
        return (pred - target).square().mean()
