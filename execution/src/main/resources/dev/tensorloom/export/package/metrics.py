"""The held-out metrics `tensorloom train` reports, computed the same way from the same node outputs."""
import math

import torch


def bindings(specs, model):
    """One metric object per entry of train.py's METRICS list."""
    kinds = {"token_accuracy": TokenAccuracy, "flow_likelihood": FlowLikelihood, "detection_map": DetectionMap}
    return [kinds[spec["kind"]](spec, model) for spec in specs]


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

    def __init__(self, spec, model):
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

    def __init__(self, spec, _model):
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


class DetectionMap:
    """Detection quality on held-out images, as the studio's DetectionMapMetric measures it: the detector's
    logits and boxes (node outputs [node, output]) decoded by the model's own box decoding (the method the
    spec names: scores, threshold, class-wise NMS), then map50 (VOC mAP at IoU 0.5) and map50_95 (COCO mAP
    over IoU 0.50, 0.55, …, 0.95) against the batch's target boxes and labels (label < 0 = padding)."""

    def __init__(self, spec, model):
        self.logits = tuple(spec["logits"])
        self.boxes = tuple(spec["boxes"])
        self.decode = getattr(model, spec["decoder"])
        self.target_boxes = spec["target_boxes"]
        self.target_labels = spec["target_labels"]
        self.reset()

    def nodes(self):
        return list(dict.fromkeys([self.logits[0], self.boxes[0]]))

    def reset(self):
        self.detections = []  # (image, label, score, box)
        self.truths = []  # (image, label, box)
        self.images = 0
        self.held = {}

    def observe(self, node, outputs, batch):
        if node == self.logits[0]:
            self.held["logits"] = outputs[self.logits[1]]
        if node == self.boxes[0]:
            self.held["boxes"] = outputs[self.boxes[1]]
        if len(self.held) == 2:
            self.accumulate(self.held.pop("logits"), self.held.pop("boxes"), batch)

    def accumulate(self, logits, boxes, batch):
        for image, found in enumerate(self.decode(logits, boxes)):
            self.detections.extend((self.images + image, label, score, box) for label, score, box in found)
        target_boxes = batch[self.target_boxes].double().tolist()
        for image, labels in enumerate(batch[self.target_labels].tolist()):
            for slot, label in enumerate(labels):
                if label >= 0:
                    self.truths.append((self.images + image, label, tuple(target_boxes[image][slot])))
        self.images += len(target_boxes)

    def values(self):
        if not self.truths:
            return {"map50": float("nan"), "map50_95": float("nan")}
        coco = 0.0
        for i in range(10):
            coco += self.mean_average_precision(0.5 + 0.05 * i)
        return {"map50": self.mean_average_precision(0.5), "map50_95": coco / 10}

    def mean_average_precision(self, iou_threshold):
        """Mean over the classes with ground truth of the average precision at one IoU threshold."""
        classes = sorted({label for _, label, _ in self.truths})
        total = 0.0
        for label in classes:
            total += self.average_precision(label, iou_threshold)
        return total / len(classes)

    def average_precision(self, label, iou_threshold):
        """All-point interpolated AP of one class (PASCAL VOC 2010+): detections by descending score; each is
        a true positive when its best-overlapping truth of the class in its image reaches the threshold and
        is not yet claimed (VOC's rule)."""
        truths = [(image, box) for image, truth_label, box in self.truths if truth_label == label]
        ranked = sorted((d for d in self.detections if d[1] == label), key=lambda d: d[2], reverse=True)
        claimed = set()
        recall, precision = [], []
        true_positives = 0
        for i, (image, _, _, box) in enumerate(ranked):
            best, best_iou = None, -1.0
            for t, (truth_image, truth_box) in enumerate(truths):
                if truth_image == image:
                    iou = box_iou(box, truth_box)
                    if iou > best_iou:
                        best, best_iou = t, iou
            if best is not None and best_iou >= iou_threshold and best not in claimed:
                claimed.add(best)
                true_positives += 1
            recall.append(true_positives / len(truths))
            precision.append(true_positives / (i + 1))
        area, envelope = 0.0, 0.0
        for i in reversed(range(len(ranked))):
            envelope = max(envelope, precision[i])
            area += (recall[i] - (recall[i - 1] if i > 0 else 0.0)) * envelope
        return area


def box_iou(a, b):
    """IoU of two boxes (x1, y1, x2, y2) in double precision, as the studio's BoxOps.iou computes it."""
    inter = max(min(a[2], b[2]) - max(a[0], b[0]), 0.0) * max(min(a[3], b[3]) - max(a[1], b[1]), 0.0)
    area_a = max(a[2] - a[0], 0.0) * max(a[3] - a[1], 0.0)
    area_b = max(b[2] - b[0], 0.0) * max(b[3] - b[1], 0.0)
    return inter / (area_a + area_b - inter + 1e-7)
