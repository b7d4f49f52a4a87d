"""Trains the exported model with PyTorch as `tensorloom train` trains it in the studio: the same loss,
optimizer, learning-rate schedule, gradient clipping, batches, random draws and seed, so the loss curves
agree. Run `python train.py --help` for the options; README.md says what every file is.
"""
import argparse
import json
import math
import os
import sys
import time

import torch
from safetensors.torch import load_file, save_file

import metrics

HERE = os.path.dirname(os.path.abspath(__file__))

# @SETTINGS@


def learning_rate(step, steps):
    """Linear warm-up to the peak over WARMUP_STEPS steps (never zero), then constant or a half-cosine
    decay to zero at the last step; `step` counts from 0."""
    if step < WARMUP_STEPS:
        return LEARNING_RATE * (step + 1) / WARMUP_STEPS
    if SCHEDULE != "cosine":
        return LEARNING_RATE
    progress = min(1.0, max(0.0, (step - WARMUP_STEPS) / max(1, steps - WARMUP_STEPS)))
    return LEARNING_RATE * (1 + math.cos(math.pi * progress)) / 2


def make_optimizer(parameters):
    if OPTIMIZER == "sgd":
        return torch.optim.SGD(parameters, lr=LEARNING_RATE, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)
    if OPTIMIZER == "adam":
        return torch.optim.Adam(parameters, lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8, weight_decay=WEIGHT_DECAY)
    return torch.optim.AdamW(parameters, lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8, weight_decay=WEIGHT_DECAY)


class ExportedData:
    """The batches the studio trains on, in its order (data/train.safetensors holds each field as
    [steps, batch, ...]), the held-out batches, and the random draws training makes inside the graph."""

    def __init__(self, folder, device):
        self.train = load_file(os.path.join(folder, "train.safetensors"))
        self.steps = next(iter(self.train.values())).shape[0]
        held = load_file(os.path.join(folder, "heldout.safetensors"))
        count = len({key.split(".", 1)[0] for key in held})
        self.held_out = [{field: held[f"{k}.{field}"].to(device) for field in Model.inputs} for k in range(count)]
        self.draws = load_if_present(os.path.join(folder, "draws.safetensors"))
        self.held_out_draws = load_if_present(os.path.join(folder, "heldout_draws.safetensors"))
        self.device = device

    def batch(self, step):
        """Batch `step`; past the exported steps the data starts over from the first batch."""
        k = step % self.steps
        return {field: self.train[field][k].to(self.device) for field in Model.inputs}

    def replay_draws(self, model, step):
        """Hands blocks that draw random numbers (rectified flow's t and noise) the studio's draws of this step."""
        by_node = {}
        for key, values in self.draws.items():
            node, name = key.split(".", 1)
            by_node.setdefault(node, {})[name] = values[step % self.steps].to(self.device)
        for node, values in by_node.items():
            getattr(model, node).replay = values

    def replay_held_out_draws(self, model, k):
        """The same for the evaluation of held-out batch k."""
        by_node = {}
        for key, values in self.held_out_draws.items():
            batch, node, name = key.split(".", 2)
            if int(batch) == k:
                by_node.setdefault(node, {})[name] = values.to(self.device)
        for node, values in by_node.items():
            getattr(model, node).replay = values


def load_if_present(path):
    return load_file(path) if os.path.exists(path) else {}


class ForwardCounter:
    """Counts block forwards, recomputations by checkpointing included (the studio's `forwardEvaluations`)."""

    def __init__(self, model):
        self.count = 0
        for module in model.children():
            module.register_forward_hook(self._count)

    def _count(self, module, inputs, output):
        self.count += 1


def evaluate(model, data, bindings):
    """Mean held-out loss over the batches, then every metric the studio reports for this graph."""
    model.eval()
    with torch.no_grad():
        recorder = metrics.Recorder(model, bindings)
        total = 0.0
        for k, batch in enumerate(data.held_out):
            data.replay_held_out_draws(model, k)
            recorder.start(batch)
            total += model(**batch).item()
        recorder.close()
        values = {"loss": total / len(data.held_out) if data.held_out else float("nan")}
        values.update(recorder.values())
    model.train()
    return values


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=STEPS, help=f"training steps (default {STEPS})")
    parser.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N (default cpu)")
    parser.add_argument("--weights", default=os.path.join(HERE, "weights.safetensors"),
                        help="initial weights (default: weights.safetensors beside this script)")
    parser.add_argument("--data", default=os.path.join(HERE, "data"), help="the exported data folder")
    parser.add_argument("--checkpoint", choices=("planned", "none"), default="planned",
                        help="recompute the segments the studio's planner chose (planned) or keep everything")
    parser.add_argument("--metrics-out", help="write the loss curve and held-out metrics here (the schema of "
                                              "`tensorloom train --metrics-out`)")
    parser.add_argument("--save", help="save the trained weights into this folder (weights.safetensors)")
    parser.add_argument("--events", action="store_true", help="print one JSON event per line on stdout")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if args.steps < 1:
        sys.exit(f"train.py: --steps must be at least 1, got {args.steps}")
    device = torch.device(args.device)
    torch.manual_seed(SEED)
    model = Model()
    model.load_state_dict(load_file(args.weights))
    model.to(device).train()
    model.checkpointing = model.checkpointing and args.checkpoint == "planned"
    data = ExportedData(args.data, device)
    if args.steps > data.steps:
        print(f"train.py: the data holds {data.steps} steps; later steps start over from the first batch",
              file=sys.stderr)
    optimizer = make_optimizer(model.parameters())
    bindings = metrics.bindings(METRICS, model)
    counter = ForwardCounter(model)
    losses, rates, evaluations, speeds = [], [], [], []
    last_evaluation = {}
    started = time.perf_counter()
    for step in range(args.steps):
        began = time.perf_counter()
        batch = data.batch(step)
        data.replay_draws(model, step)
        loss = model(**batch)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if GRADIENT_CLIP > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), GRADIENT_CLIP)
        rate = learning_rate(step, args.steps)
        for group in optimizer.param_groups:
            group["lr"] = rate
        optimizer.step()
        value = loss.item()
        if not math.isfinite(value):
            sys.exit(f"train.py: the loss is not finite at step {step + 1}")
        seconds = max(1e-9, time.perf_counter() - began)
        losses.append(value)
        rates.append(rate)
        if step > 0:
            speeds.append(BATCH_SIZE / seconds)
        emit(args, {"type": "step", "step": step + 1, "loss": value, "learningRate": rate,
                    "examplesPerSecond": BATCH_SIZE / seconds})
        last = step + 1 == args.steps
        if data.held_out and (last or EVAL_EVERY > 0 and (step + 1) % EVAL_EVERY == 0):
            last_evaluation = evaluate(model, data, bindings)
            evaluations.append({"step": step + 1, **last_evaluation})
            emit(args, {"type": "evaluation", "step": step + 1, "values": last_evaluation})
    elapsed = time.perf_counter() - started
    if args.save:
        os.makedirs(args.save, exist_ok=True)
        save_file({k: v.contiguous() for k, v in model.state_dict().items()},
                  os.path.join(args.save, "weights.safetensors"))
    if args.metrics_out:
        write_metrics(args, device, losses, rates, evaluations, last_evaluation, speeds, elapsed, counter, model)
    print(f"trained {PROJECT} for {args.steps} steps on {device} in {elapsed:.1f} s; final loss {losses[-1]:.5f}",
          file=sys.stderr if args.events else sys.stdout)
    emit(args, {"type": "finished", "steps": args.steps})


def write_metrics(args, device, losses, rates, evaluations, last_evaluation, speeds, elapsed, counter, model):
    report = {
        "project": PROJECT,
        "engine": "pytorch",
        "device": str(device),
        "steps": args.steps,
        "batchSize": BATCH_SIZE,
        "checkpointPolicy": CHECKPOINT_POLICY if model.checkpointing else "none",
        "elapsedSeconds": elapsed,
        "examplesPerSecond": sum(speeds) / len(speeds) if speeds else 0.0,
        "forwardEvaluations": counter.count,
        "parameters": sum(p.numel() for p in model.parameters()),
        "loss": losses,
        "learningRate": rates,
        "finalEvaluation": dict(sorted(last_evaluation.items())),
        "evaluations": evaluations,
    }
    folder = os.path.dirname(os.path.abspath(args.metrics_out))
    temporary = os.path.join(folder, f".{os.path.basename(args.metrics_out)}.tmp")
    with open(temporary, "w") as out:
        json.dump(report, out, indent=2)
        out.write("\n")
    os.replace(temporary, args.metrics_out)


def emit(args, event):
    if args.events:
        print(json.dumps({"v": 1, **event}), flush=True)


if __name__ == "__main__":
    main()
