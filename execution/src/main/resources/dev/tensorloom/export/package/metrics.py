"""The held-out metrics `tensorloom train` reports, computed the same way from the same node outputs."""
import math

import torch


def bindings(specs, model):
    """One metric object per entry of train.py's METRICS list."""
    kinds = {"token_accuracy": TokenAccuracy, "flow_likelihood": FlowLikelihood}
    return [kinds[spec["kind"]](spec) for spec in specs]


class Recorder:
    """Watches the node outputs the metrics need during held-out forwards (through forward hooks)."""

    def __init__(self, model, metrics):
        self.metrics = metrics
        self.batch = None
        self.hooks = []
        for metric in metrics:
            metric.reset()
            for node in metric.nodes():
                self.hooks.append(getattr(model, node).register_forward_hook(self._observer(metric, node)))

    def _observer(self, metric, node):
        def observe(module, inputs, output):
            metric.observe(node, output if isinstance(output, tuple) else (output,), self.batch)
        return observe

    def start(self, batch):
        self.batch = batch

    def close(self):
        for hook in self.hooks:
            hook.remove()

    def values(self):
        out = {}
        for metric in self.metrics:
            out.update(metric.values())
        return out


class TokenAccuracy:
    """Share of positions whose arg-max logit equals the target, leaving out negative (ignored) targets.
    The prediction is a node output [node, output]; the target a dataset field or another node output."""

    def __init__(self, spec):
        self.prediction = tuple(spec["prediction"])
        self.target = spec["target"] if isinstance(spec["target"], str) else tuple(spec["target"])
        self.correct = 0
        self.total = 0
        self.held = {}

    def nodes(self):
        nodes = [self.prediction[0]]
        if isinstance(self.target, tuple) and self.target[0] not in nodes:
            nodes.append(self.target[0])
        return nodes

    def reset(self):
        self.correct = 0
        self.total = 0
        self.held = {}

    def observe(self, node, outputs, batch):
        if node == self.prediction[0]:
            self.held["prediction"] = outputs[self.prediction[1]]
        if isinstance(self.target, tuple) and node == self.target[0]:
            self.held["target"] = outputs[self.target[1]]
        if isinstance(self.target, str):
            self.held["target"] = batch[self.target]
        if len(self.held) == 2:
            self.accumulate(self.held.pop("prediction"), self.held.pop("target"))

    def accumulate(self, logits, target):
        predicted = logits.argmax(dim=-1).reshape(-1)
        expected = target.long().reshape(-1)
        counted = expected >= 0
        self.correct += int(((predicted == expected) & counted).sum())
        self.total += int(counted.sum())

    def values(self):
        return {"token_accuracy": self.correct / self.total if self.total else float("nan")}


class FlowLikelihood:
    """A normalizing flow's held-out likelihood against a Gaussian baseline, in nats per example:
    heldout_nll is the mean flow_nll per example over the held-out batches (the loss node's batch means
    weighted by batch size); gaussian_nll the mean negative log density of the same points under the
    full-covariance Gaussian the studio fitted to its first training batches (baseline_mean,
    baseline_covariance), computed in float64; nll_gap = gaussian_nll − heldout_nll (positive when the flow
    wins)."""

    def __init__(self, spec):
        self.loss = spec["loss"]
        self.data = spec["data"]
        self.mean = torch.tensor(spec["baseline_mean"], dtype=torch.float64)
        self.cholesky = torch.linalg.cholesky(torch.tensor(spec["baseline_covariance"], dtype=torch.float64))
        features = self.mean.numel()
        self.constant = self.cholesky.diagonal().log().sum().item() + 0.5 * features * math.log(2 * math.pi)
        self.reset()

    def nodes(self):
        return [self.loss]

    def reset(self):
        self.flow_sum = 0.0
        self.gaussian_sum = 0.0
        self.count = 0

    def observe(self, node, outputs, batch):
        points = batch[self.data].detach().cpu().double().reshape(batch[self.data].shape[0], -1)
        count = points.shape[0]
        self.flow_sum += outputs[0].item() * count
        self.gaussian_sum += self.gaussian_nll(points).sum().item()
        self.count += count

    def gaussian_nll(self, points):
        """−log N(x; μ, Σ) per point: ½·|L⁻¹(x − μ)|² + ½·log det Σ + (D/2)·log 2π, with Σ = L·Lᵀ."""
        whitened = torch.linalg.solve_triangular(self.cholesky, (points - self.mean).T, upper=False)
        return 0.5 * whitened.square().sum(0) + self.constant

    def values(self):
        flow = self.flow_sum / self.count if self.count else float("nan")
        gaussian = self.gaussian_sum / self.count if self.count else float("nan")
        return {"heldout_nll": flow, "gaussian_nll": gaussian, "nll_gap": gaussian - flow}
