"""Checks an exported flow's generated `inverse` and `log_det` against the studio, for FlowExportTest.

The folder holds model.py and weights.safetensors as the exporter wrote them, and flow.safetensors with the
studio's numbers: `latent` codes and the `samples` its FlowSampler made of them, `data` points with the
latent codes (`data_latent`) and per-example log-determinants (`data_log_det`) its forward computed.
Prints one JSON object of normwise relative errors (largest absolute difference over the largest value):
  inverse        model.inverse(latent) against the studio's samples
  log_det        model.log_det(data) against the studio's forward
  round_trip     model.inverse(data_latent) against data
  jacobian       model.log_det(x) against −log|det ∂inverse/∂z| by autograd at z = data_latent, x = inverse(z),
                 in float64
"""
import importlib.util
import json
import os
import sys

import torch
from safetensors.torch import load_file


def relative(got, want):
    got = got.detach().double()
    want = want.detach().double()
    if got.shape != want.shape:
        return float("inf")
    return (got - want).abs().max().item() / max(want.abs().max().item(), 1e-12)


def main(folder):
    torch.set_num_threads(1)
    spec = importlib.util.spec_from_file_location("flow_model", os.path.join(folder, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.FlowCase()
    model.load_state_dict(load_file(os.path.join(folder, "weights.safetensors")))
    model.eval()
    case = load_file(os.path.join(folder, "flow.safetensors"))
    errors = {}
    with torch.no_grad():
        errors["inverse"] = relative(model.inverse(case["latent"]), case["samples"])
        errors["log_det"] = relative(model.log_det(case["data"]), case["data_log_det"])
        errors["round_trip"] = relative(model.inverse(case["data_latent"]), case["data"])
    exact = model.double()
    latent = case["data_latent"].double()[:16]
    by_autograd = []
    for z in latent:
        jacobian = torch.autograd.functional.jacobian(lambda v: exact.inverse(v[None])[0], z)
        by_autograd.append(-torch.linalg.slogdet(jacobian).logabsdet)
    with torch.no_grad():
        generated = exact.log_det(exact.inverse(latent))
    errors["jacobian"] = relative(generated, torch.stack(by_autograd))
    print(json.dumps(errors))


if __name__ == "__main__":
    main(sys.argv[1])
