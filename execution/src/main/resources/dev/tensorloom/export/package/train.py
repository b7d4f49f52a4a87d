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
import studio_link

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

    def replay_draws(self, model, step, world=None):
        """Hands blocks that draw random numbers (rectified flow's t and noise) the studio's draws of this step
        (this rank's share of them when several processes split the batch)."""
        by_node = {}
        for key, values in self.draws.items():
            node, name = key.split(".", 1)
            by_node.setdefault(node, {})[name] = values[step % self.steps].to(self.device)
        for node, values in by_node.items():
            getattr(model, node).replay = world.shard(values) if world else values

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
    """The held-out loss (each batch's mean weighted by its examples) and every metric the studio reports
    for this graph: {"values": {name: value}, "intervals": {name: (low, high, examples)}, "examples": n}."""
    model.eval()
    with torch.no_grad():
        recorder = metrics.Recorder(model, bindings)
        total, examples = 0.0, 0
        for k, batch in enumerate(data.held_out):
            data.replay_held_out_draws(model, k)
            recorder.start(batch)
            size = next(iter(batch.values())).shape[0]
            total += model(**batch).item() * size
            examples += size
        recorder.close()
        values = {"loss": total / examples if examples else float("nan")}
        values.update(recorder.values())
        intervals = recorder.estimates()
    model.train()
    return {"values": values, "intervals": intervals, "examples": examples}


def evaluation_report(evaluation):
    """An evaluation as `tensorloom train --metrics-out` writes it: examples, the headline (the first value
    after the loss), the values, and ci95 {name: {low, high, examples}} for the values with an interval."""
    values = evaluation["values"]
    report = {"examples": evaluation["examples"],
              "headline": next((k for k in values if k != "loss"), "loss")}
    report.update(values)
    report["ci95"] = {name: {"low": low, "high": high, "examples": n}
                      for name, (low, high, n) in evaluation["intervals"].items()
                      if not (math.isnan(low) or math.isnan(high))}
    return report


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
    parser.add_argument("--events", action="store_true",
                        help="print one JSON event per line on stdout (how the studio follows the run)")
    parser.add_argument("--control", help="a JSON file the studio rewrites to pause, resume or stop the run")
    parser.add_argument("--memory-step", type=int, default=0,
                        help="measure what autograd saves per node, and device memory, during this step (1-based)")
    return parser.parse_args(argv)


class Distributed:
    """One process of a `torchrun` job (or the only process): its rank, the world size, and the few
    collectives training needs. Each rank trains on its slice of every global batch, so N processes at the
    project's batch size compute what one process does (DistributedDataParallel averages the gradients)."""

    def __init__(self, device):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        if self.world > 1:
            backend = "nccl" if device.type == "cuda" else "gloo"
            torch.distributed.init_process_group(backend)
            if BATCH_SIZE % self.world:
                sys.exit(f"train.py: the batch of {BATCH_SIZE} does not split evenly over {self.world} processes")

    def shard(self, tensors):
        """This rank's share of a global batch (every tensor split along its first dimension)."""
        if self.world == 1:
            return tensors
        return {k: v.chunk(self.world)[self.rank] for k, v in tensors.items()}

    def mean(self, value):
        if self.world == 1:
            return value
        t = torch.tensor([value], dtype=torch.float64)
        torch.distributed.all_reduce(t)
        return t.item() / self.world

    def agree(self, wish):
        """Rank 0's wish (run, pause, stop), the same on every rank."""
        if self.world == 1:
            return wish
        box = [wish]
        torch.distributed.broadcast_object_list(box, src=0)
        return box[0]

    def barrier(self):
        if self.world > 1:
            torch.distributed.barrier()

    def close(self):
        if self.world > 1:
            torch.distributed.destroy_process_group()


def choose_device(name, local_rank):
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    if name.startswith("cuda"):
        if not torch.cuda.is_available():
            sys.exit("train.py: --device cuda asks for a GPU, but this PyTorch sees none (torch.cuda.is_available() "
                     "is False)")
        if name == "cuda":
            name = f"cuda:{local_rank}"
    return torch.device(name)


def main(argv=None):
    args = parse_args(argv)
    if args.steps < 1:
        sys.exit(f"train.py: --steps must be at least 1, got {args.steps}")
    device = choose_device(args.device, int(os.environ.get("LOCAL_RANK", "0")))
    world = Distributed(device)
    link = studio_link.EventStream(args.events, world.rank)
    control = studio_link.Control(args.control)
    studio = int(os.environ.get("TENSORLOOM_PARENT_PID", "0"))
    if args.events and studio:
        # Started by the studio: end with it. Run by hand (--events into a file), stdin means nothing.
        studio_link.watch_parent(studio)
        if world.world == 1:
            studio_link.watch_stdin()
    torch.manual_seed(SEED)
    model = Model()
    model.load_state_dict(load_file(args.weights))
    model.to(device).train()
    model.checkpointing = model.checkpointing and args.checkpoint == "planned"
    trained = model
    if world.world > 1:
        trained = torch.nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda"
                                                            else None)
    data = ExportedData(args.data, device)
    if args.steps > data.steps and world.rank == 0:
        print(f"train.py: the data holds {data.steps} steps; later steps start over from the first batch",
              file=sys.stderr)
    optimizer = make_optimizer(model.parameters())
    bindings = metrics.bindings(METRICS, model)
    counter = ForwardCounter(model)
    link.emit("started", project=PROJECT, device=str(device), processes=world.world, steps=args.steps,
              batchSize=BATCH_SIZE, parameters=sum(p.numel() for p in model.parameters()),
              checkpointing=bool(model.checkpointing))
    losses, rates, evaluations, speeds = [], [], [], []
    last_evaluation = {"values": {}, "intervals": {}, "examples": 0}
    stopped = False
    started = time.perf_counter()
    step = 0
    for step in range(args.steps):
        wish = world.agree(control.poll()["state"] if world.rank == 0 else None)
        while wish == "pause":
            link.emit("paused", step=step)
            time.sleep(0.2)
            wish = world.agree(control.poll()["state"] if world.rank == 0 else None)
        if wish == "stop":
            stopped = True
            break
        began = time.perf_counter()
        batch = world.shard(data.batch(step))
        data.replay_draws(model, step, world)
        measuring = args.memory_step == step + 1
        meter = studio_link.MemoryMeter(model, device) if measuring else None
        if meter:
            meter.start()
        watched = control.state.get("watch") if world.rank == 0 else None
        probe = studio_link.ActivationProbe(model, watched) if watched else None
        loss = trained(**batch)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if meter:
            link.emit("memory", step=step + 1, **meter.finish())
        if GRADIENT_CLIP > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), GRADIENT_CLIP)
        rate = learning_rate(step, args.steps)
        for group in optimizer.param_groups:
            group["lr"] = rate
        optimizer.step()
        value = world.mean(loss.item())
        if probe:
            for snapshot in probe.finish():
                link.emit("activation", step=step + 1, **snapshot)
        if not math.isfinite(value):
            link.emit("failed", step=step + 1, message="the loss is not finite", node=model.losses[0])
            sys.exit(f"train.py: the loss is not finite at step {step + 1}")
        seconds = max(1e-9, time.perf_counter() - began)
        losses.append(value)
        rates.append(rate)
        if step > 0:
            speeds.append(BATCH_SIZE / seconds)
        link.emit("step", step=step + 1, loss=value, learningRate=rate, examplesPerSecond=BATCH_SIZE / seconds)
        last = step + 1 == args.steps
        if data.held_out and (last or EVAL_EVERY > 0 and (step + 1) % EVAL_EVERY == 0):
            if world.rank == 0:
                last_evaluation = evaluate(model, data, bindings)
                evaluations.append({"step": step + 1, **evaluation_report(last_evaluation)})
                link.emit("evaluation", step=step + 1, values=last_evaluation["values"])
            world.barrier()
    steps_done = len(losses)
    elapsed = time.perf_counter() - started
    if world.rank == 0:
        if args.save:
            os.makedirs(args.save, exist_ok=True)
            save_file({k: v.contiguous() for k, v in model.state_dict().items()},
                      os.path.join(args.save, "weights.safetensors"))
        if args.metrics_out:
            write_metrics(args, device, losses, rates, evaluations, last_evaluation, speeds, elapsed, counter, model,
                          world.world, stopped)
        if losses:
            print(f"trained {PROJECT} for {steps_done} steps on {device} in {elapsed:.1f} s; final loss "
                  f"{losses[-1]:.5f}", file=sys.stderr if args.events else sys.stdout)
    link.emit("finished", steps=steps_done, stopped=stopped, elapsedSeconds=elapsed,
              forwardEvaluations=counter.count, lastEvaluation=last_evaluation["values"])
    world.close()


def write_metrics(args, device, losses, rates, evaluations, last_evaluation, speeds, elapsed, counter, model,
                  processes, stopped):
    report = {
        "project": PROJECT,
        "engine": "pytorch",
        "device": str(device),
        "processes": processes,
        "steps": len(losses),
        "stepsPlanned": args.steps,
        "interrupted": stopped,
        "batchSize": BATCH_SIZE,
        "checkpointPolicy": CHECKPOINT_POLICY if model.checkpointing else "none",
        "elapsedSeconds": elapsed,
        # wall clock, not CPU time, with the threads PyTorch computed on (as the studio reports its speed)
        "examplesPerSecondWallClock": sum(speeds) / len(speeds) if speeds else 0.0,
        "torchThreads": torch.get_num_threads(),
        "seed": SEED,
        "forwardEvaluations": counter.count,
        "parameters": sum(p.numel() for p in model.parameters()),
        "loss": losses,
        "learningRate": rates,
        "finalEvaluation": evaluation_report(last_evaluation),
        "evaluations": evaluations,
    }
    folder = os.path.dirname(os.path.abspath(args.metrics_out))
    temporary = os.path.join(folder, f".{os.path.basename(args.metrics_out)}.tmp")
    with open(temporary, "w") as out:
        json.dump(report, out, indent=2)
        out.write("\n")
    os.replace(temporary, args.metrics_out)


if __name__ == "__main__":
    main()
