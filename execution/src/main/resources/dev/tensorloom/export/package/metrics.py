"""The held-out metrics `tensorloom train` reports, computed the same way from the same node outputs, with the
same 95% intervals where the studio's are closed-form (means and proportions over held-out examples)."""
import math

import torch

Z95 = 1.959963984540054


def bindings(specs, model):
    """One metric object per entry of train.py's METRICS list."""
    kinds = {"token_accuracy": TokenAccuracy, "pck": KeypointPck, "flow_likelihood": FlowLikelihood,
             "detection_map": DetectionMap}
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

    def estimates(self):
        """name → (low, high, examples) of every value that has a 95% interval."""
        out = {}
        for metric in self.metrics:
            out.update(metric.estimates())
        return out


class MeanEstimator:
    """A mean over examples with its normal 95% interval (Welford's running variance), as the studio's."""

    def __init__(self):
        self.count, self.mean, self.squares = 0, 0.0, 0.0

    def add(self, value):
        self.count += 1
        delta = value - self.mean
        self.mean += delta / self.count
        self.squares += delta * (value - self.mean)

    def value(self):
        return self.mean if self.count else float("nan")

    def estimate(self):
        if self.count < 2:
            return (float("nan"), float("nan"), self.count)
        half = Z95 * math.sqrt(self.squares / (self.count - 1) / self.count)
        return (self.mean - half, self.mean + half, self.count)


class ProportionEstimator:
    """hits / items over examples that each hold several scored items (tokens, joints), with Wilson's 95%
    interval on the effective number of items (Kish's design effect for items clustered in examples), as
    the studio's ProportionEstimator."""

    def __init__(self):
        self.examples, self.hits, self.items = 0, 0.0, 0.0
        self.hits_squared, self.items_squared, self.hits_times_items = 0.0, 0.0, 0.0

    def add(self, hits, items):
        if items <= 0:
            return
        self.examples += 1
        self.hits += hits
        self.items += items
        self.hits_squared += hits * hits
        self.items_squared += items * items
        self.hits_times_items += hits * items

    def value(self):
        return self.hits / self.items if self.items else float("nan")

    def estimate(self):
        if self.examples == 0:
            return (float("nan"), float("nan"), 0)
        p = self.hits / self.items
        effective = self.examples
        if self.examples > 1 and 0 < p < 1:
            residual = self.hits_squared - 2 * p * self.hits_times_items + p * p * self.items_squared
            clustered = self.examples / (self.examples - 1.0) * residual / (self.items * self.items)
            design_effect = clustered / (p * (1 - p) / self.items)
            effective = self.items / design_effect if design_effect > 0 else self.items
        effective = max(self.examples, min(self.items, effective))
        z2 = Z95 * Z95
        centre = (p + z2 / (2 * effective)) / (1 + z2 / effective)
        half = Z95 / (1 + z2 / effective) * math.sqrt(p * (1 - p) / effective + z2 / (4 * effective * effective))
        return (max(0.0, centre - half), min(1.0, centre + half), self.examples)


class PairMetric:
    """A metric of a prediction (a node output [node, output]) against a target (a dataset field or another
    node output), scored example by example."""

    def __init__(self, spec):
        self.prediction = tuple(spec["prediction"])
        self.target = spec["target"] if isinstance(spec["target"], str) else tuple(spec["target"])
        self.held = {}

    def nodes(self):
        nodes = [self.prediction[0]]
        if isinstance(self.target, tuple) and self.target[0] not in nodes:
            nodes.append(self.target[0])
        return nodes

    def observe(self, node, outputs, batch):
        if node == self.prediction[0]:
            self.held["prediction"] = outputs[self.prediction[1]]
        if isinstance(self.target, tuple) and node == self.target[0]:
            self.held["target"] = outputs[self.target[1]]
        if isinstance(self.target, str):
            self.held["target"] = batch[self.target]
        if len(self.held) == 2:
            self.accumulate(self.held.pop("prediction"), self.held.pop("target"))


class ProportionMetric(PairMetric):
    """A PairMetric scored as hits out of items per example, reported under NAME with its interval."""

    NAME = None

    def __init__(self, spec, _model):
        super().__init__(spec)
        self.reset()

    def reset(self):
        self.estimator = ProportionEstimator()
        self.held = {}

    def values(self):
        return {self.NAME: self.estimator.value()}

    def estimates(self):
        return {self.NAME: self.estimator.estimate()}


class TokenAccuracy(ProportionMetric):
    """Share of positions whose arg-max logit equals the target, leaving out negative (ignored) targets,
    scored per example (a sequence)."""

    NAME = "token_accuracy"

    def accumulate(self, logits, target):
        predicted = logits.argmax(dim=-1)
        expected = target.long().reshape(predicted.shape)
        examples = 1 if predicted.dim() == 0 else predicted.shape[0]
        predicted, expected = predicted.reshape(examples, -1), expected.reshape(examples, -1)
        counted = expected >= 0
        hits = ((predicted == expected) & counted).sum(dim=1).tolist()
        for h, n in zip(hits, counted.sum(dim=1).tolist()):
            self.estimator.add(h, n)


class KeypointPck(ProportionMetric):
    """pck@0.05: share of joints within 5% of the longer side of the figure's ground-truth box, per figure."""

    NAME = "pck@0.05"
    THRESHOLD = 0.05

    def accumulate(self, predicted, truth):
        figures = truth.shape[0]
        predicted = predicted.detach().float().reshape(figures, -1, 2).cpu()
        truth = truth.detach().float().reshape(figures, -1, 2).cpu()
        for f in range(figures):
            t = truth[f].double()
            extent = (t.max(dim=0).values - t.min(dim=0).values).max().item()
            limit = self.THRESHOLD * extent
            distance = torch.hypot(predicted[f, :, 0].double() - t[:, 0], predicted[f, :, 1].double() - t[:, 1])
            self.estimator.add(int((distance < limit).sum()), t.shape[0])


class FlowLikelihood:
    """A normalizing flow's held-out likelihood against a Gaussian baseline, nats per example: heldout_nll is
    −log N(z; 0, I) − logdet per example (what flow_nll averages), from the latent and log-determinant the
    flow_nll node reads; gaussian_nll the negative log density of the same points under the full-covariance
    Gaussian the studio fitted to its first training batches (float64); nll_gap = gaussian_nll − heldout_nll
    per example (positive when the flow wins). Each a mean over examples with its 95% interval."""

    def __init__(self, spec, _model):
        self.data = spec["data"]
        self.z = tuple(spec["z"])
        self.logdet = tuple(spec["logdet"])
        self.mean = torch.tensor(spec["baseline_mean"], dtype=torch.float64)
        self.cholesky = torch.linalg.cholesky(torch.tensor(spec["baseline_covariance"], dtype=torch.float64))
        features = self.mean.numel()
        self.constant = self.cholesky.diagonal().log().sum().item() + 0.5 * features * math.log(2 * math.pi)
        self.reset()

    def nodes(self):
        return list(dict.fromkeys([self.z[0], self.logdet[0]]))

    def reset(self):
        self.flow, self.gaussian, self.gap = MeanEstimator(), MeanEstimator(), MeanEstimator()
        self.held = {}

    def observe(self, node, outputs, batch):
        if node == self.z[0]:
            self.held["z"] = outputs[self.z[1]]
        if node == self.logdet[0]:
            self.held["logdet"] = outputs[self.logdet[1]]
        if len(self.held) == 2:
            points = batch[self.data].detach().cpu().double().reshape(batch[self.data].shape[0], -1)
            z = self.held.pop("z").detach().cpu().float().reshape(points.shape[0], -1)
            logdet = self.held.pop("logdet").detach().cpu().float().reshape(-1)
            # as the studio: float32 values, summed in double
            nll = 0.5 * z.double().square().sum(1) + 0.5 * z.shape[1] * math.log(2 * math.pi) - logdet.double()
            for flow, gaussian in zip(nll.tolist(), self.gaussian_nll(points).tolist()):
                self.flow.add(flow)
                self.gaussian.add(gaussian)
                self.gap.add(gaussian - flow)

    def gaussian_nll(self, points):
        """−log N(x; μ, Σ) per point: ½·|L⁻¹(x − μ)|² + ½·log det Σ + (D/2)·log 2π, with Σ = L·Lᵀ."""
        whitened = torch.linalg.solve_triangular(self.cholesky, (points - self.mean).T, upper=False)
        return 0.5 * whitened.square().sum(0) + self.constant

    def values(self):
        return {"nll_gap": self.gap.value(), "heldout_nll": self.flow.value(), "gaussian_nll": self.gaussian.value()}

    def estimates(self):
        return {"nll_gap": self.gap.estimate(), "heldout_nll": self.flow.estimate(),
                "gaussian_nll": self.gaussian.estimate()}


class DetectionMap:
    """Detection quality on held-out images, as the studio's DetectionMapMetric measures it: the detector's
    logits and boxes (node outputs [node, output]) decoded by the model's own box decoding (the method the
    spec names: scores, threshold, class-wise NMS), then voc_map50 (PASCAL VOC mAP at IoU 0.5, all-point
    interpolation) and coco_map50_95 (COCO mAP@[.5:.95], 101 recall points, at most 100 detections per image
    and class) against the batch's target boxes and labels (label < 0 = padding). The studio's bootstrap
    intervals of these two are not computed here."""

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
            return {"voc_map50": float("nan"), "coco_map50_95": float("nan")}
        return {"voc_map50": self.mean_average_precision(0.5), "coco_map50_95": self.coco_map()}

    def estimates(self):
        return {}

    def coco_map(self):
        """COCO's mAP@[.5:.95]: the mean over IoU 0.50, 0.55, …, 0.95 and the classes with ground truth of the
        101-point AP, as the studio's CocoAveragePrecision (and COCOeval) computes it."""
        classes = sorted({label for _, label, _ in self.truths})
        total = 0.0
        for i in range(10):
            for label in classes:
                total += self.coco_average_precision(label, 0.5 + 0.05 * i)
        return total / (10.0 * len(classes))

    def coco_average_precision(self, label, threshold):
        truths_by_image = {}
        for image, truth_label, box in self.truths:
            if truth_label == label:
                truths_by_image.setdefault(image, []).append(box)
        positives = sum(len(v) for v in truths_by_image.values())
        by_image = {}
        for image, detection_label, score, box in self.detections:
            if detection_label == label:
                by_image.setdefault(image, []).append((score, box))
        scored = []  # (score, 1 if a true positive)
        for image, found in by_image.items():
            ranked = sorted(found, key=lambda d: d[0], reverse=True)[:100]
            truths = truths_by_image.get(image, [])
            matched = [False] * len(truths)
            for score, box in ranked:
                best, match = min(threshold, 1 - 1e-10), -1
                for g, truth in enumerate(truths):
                    iou = box_iou(box, truth)
                    if not matched[g] and iou >= best:
                        best, match = iou, g
                if match >= 0:
                    matched[match] = True
                scored.append((score, 1 if match >= 0 else 0))
        scored.sort(key=lambda s: s[0], reverse=True)  # stable, as COCOeval's mergesort
        recall, precision, true_positives = [], [], 0
        for i, (_, hit) in enumerate(scored):
            true_positives += hit
            recall.append(true_positives / positives)
            precision.append(true_positives / (i + 1.0))
        for i in range(len(precision) - 2, -1, -1):
            precision[i] = max(precision[i], precision[i + 1])
        total, at = 0.0, 0
        for r in range(101):
            point = r / 100.0
            while at < len(scored) and recall[at] < point:
                at += 1
            total += precision[at] if at < len(scored) else 0.0
        return total / 101

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
