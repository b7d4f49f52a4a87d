"""Trains one step of an exported package twice, with its checkpointed segments recomputed and with
everything kept, and prints the number of segments and the largest difference of the loss and of any
parameter gradient, as JSON."""
import json
import sys

import torch
from safetensors.torch import load_file

sys.path.insert(0, ".")
import train  # noqa: E402  (the package's own train.py: its Model, data and settings)


def gradients(checkpointing):
    model = train.Model()
    model.load_state_dict(load_file("weights.safetensors"))
    model.train()
    model.checkpointing = checkpointing
    data = train.ExportedData("data", torch.device("cpu"))
    data.replay_draws(model, 0)
    loss = model(**data.batch(0))
    loss.backward()
    return loss.item(), {name: p.grad.clone() for name, p in model.named_parameters()}


def main():
    segments = sum(1 for name in dir(train.Model) if name.startswith("_segment_"))
    loss_on, on = gradients(True)
    loss_off, off = gradients(False)
    worst = max((on[k] - off[k]).abs().max().item() for k in on)
    print(json.dumps({"segments": segments, "lossDifference": abs(loss_on - loss_off), "gradientDifference": worst,
                      "parameters": len(on)}))


if __name__ == "__main__":
    main()
