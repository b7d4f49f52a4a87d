def coupling_mask(features, mask):
    """1.0 on the conditioning features (even indices for mask="even", odd for "odd"), 0.0 on the others."""
    index = torch.arange(features)
    return ((index % 2 == 0) == (mask == "even")).float()


def conditioner_parameters(module, features, hidden, layers, out_features):
    """Registers a coupling's conditioner MLP on `module`: w0, b0 … w{layers}, b{layers}, each weight stored
    [in, out] as the studio stores it. Hidden layers are Xavier-initialised; the last layer starts at zero,
    so a fresh coupling is the identity."""
    width = features
    for i in range(layers):
        module.register_parameter(f"w{i}", nn.Parameter(nn.init.xavier_uniform_(torch.empty(width, hidden))))
        module.register_parameter(f"b{i}", nn.Parameter(torch.zeros(hidden)))
        width = hidden
    module.register_parameter(f"w{layers}", nn.Parameter(torch.zeros(width, out_features)))
    module.register_parameter(f"b{layers}", nn.Parameter(torch.zeros(out_features)))


def conditioner(module, x, keep, layers):
    """The conditioner MLP on the conditioning features x·keep: `layers` ReLU layers, then a linear one."""
    a = x * keep
    for i in range(layers):
        a = F.relu(a @ getattr(module, f"w{i}") + getattr(module, f"b{i}"))
    return a @ getattr(module, f"w{layers}") + getattr(module, f"b{layers}")
