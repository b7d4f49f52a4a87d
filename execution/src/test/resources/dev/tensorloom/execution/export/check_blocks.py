"""Repeats block cases written by BlockRun in PyTorch and prints, per case, the largest normwise relative
error of each output, parameter gradient, floating input's gradient and buffer of a training step, and of
each output of an evaluation after it, against the studio's engine, as one JSON line."""
import importlib.util
import json
import os
import sys
import traceback

import torch
from safetensors.torch import load_file


def relative(got, want, floor=1e-12):
    """Largest absolute difference over the largest reference value (at least `floor`)."""
    got = got.detach().double()
    want = want.double()
    if got.shape != want.shape:
        return float("inf")
    if want.numel() == 0:
        return 0.0
    return (got - want).abs().max().item() / max(want.abs().max().item(), floor)


def check(folder):
    spec = importlib.util.spec_from_file_location("case_model_" + os.path.basename(folder),
                                                  os.path.join(folder, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    meta = json.load(open(os.path.join(folder, "case.json")))
    model = module.BlockCase()
    model.load_state_dict(load_file(os.path.join(folder, "weights.safetensors")))
    model.train()
    data = load_file(os.path.join(folder, "case.safetensors"))
    replay = {}
    for key, value in data.items():
        if key.startswith("draw."):
            node, name = key[len("draw."):].split(".", 1)
            replay.setdefault(node, {})[name] = value
    for node, values in replay.items():
        getattr(model, node).replay = values
    captured = {}
    block = getattr(model, meta["block"])

    def capture(module, inputs, output):
        captured["out"] = output if isinstance(output, tuple) else (output,)

    block.register_forward_hook(capture)
    batch = {field: data["input." + field] for field in model.inputs}
    for field, value in batch.items():
        if "grad.input." + field in data:
            value.requires_grad_(True)
    loss = model(**batch)
    if loss.requires_grad:
        loss.backward()
    errors = {}
    for k, name in enumerate(meta["outputs"]):
        errors["output." + name] = relative(captured["out"][k], data["output." + name])
    # Buffers after the training step (running statistics), then the block in evaluation mode.
    saved = model.state_dict()
    for name, buffer in model.named_buffers():
        if name not in saved:
            continue
        want = data.get("state." + name)
        errors["state." + name] = float("inf") if want is None else relative(buffer, want)
    model.eval()
    with torch.no_grad():
        model(**batch)
    for k, name in enumerate(meta["outputs"]):
        errors["eval." + name] = relative(captured["out"][k], data["eval." + name])
    # A gradient that is zero in exact arithmetic (a key bias under softmax) is rounding noise in both
    # engines; it is measured against a thousandth of the case's largest gradient instead of itself.
    grads = [value for key, value in data.items() if key.startswith("grad.")]
    floor = 1e-3 * max((g.abs().max().item() for g in grads if g.numel()), default=0.0)
    for name, parameter in model.named_parameters():
        errors["grad." + name] = gradient_error(parameter.grad, data.get("grad." + name), floor)
    for field, value in batch.items():
        if value.requires_grad:
            errors["grad.input." + field] = gradient_error(value.grad, data["grad.input." + field], floor)
    return errors


def gradient_error(got, want, floor):
    """The error of one gradient; a gradient PyTorch did not compute counts as zero."""
    if want is None:
        return float("inf")
    if got is None:
        return 0.0 if want.abs().max().item() == 0 else float("inf")
    return relative(got, want, max(floor, 1e-12))


def main():
    torch.set_num_threads(1)
    for folder in sys.argv[1:]:
        try:
            result = {"case": folder, "errors": check(folder)}
        except Exception:
            result = {"case": folder, "failure": traceback.format_exc()}
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
