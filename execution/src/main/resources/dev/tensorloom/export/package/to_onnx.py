"""Writes model.onnx: the exported model's `predict` (the network without its losses) for inference, with
a dynamic batch dimension, traced on the sample batch in data/sample.safetensors."""
import os
import sys

import torch
from safetensors.torch import load_file

# @MODEL@

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    target = argv[1] if len(argv) > 1 else os.path.join(HERE, "model.onnx")
    model = Model()
    model.load_state_dict(load_file(os.path.join(HERE, "weights.safetensors")))
    model.eval()
    sample = load_file(os.path.join(HERE, "data", "sample.safetensors"))
    inputs = tuple(sample["input." + name] for name in INPUTS)
    batch_axes = {name: {0: "batch"} for name in INPUTS + OUTPUTS}
    with torch.no_grad():
        torch.onnx.export(Inference(model), inputs, target, input_names=list(INPUTS), output_names=list(OUTPUTS),
                          dynamic_axes=batch_axes, opset_version=18, dynamo=True, verbose=False)
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv)
