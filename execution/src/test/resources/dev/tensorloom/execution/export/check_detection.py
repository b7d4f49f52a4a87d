"""Decodes the detector outputs of a JSON file (written by DetectionParityTest) with the exported package's
decode_detections and scores them with its metrics.DetectionMap, printing both as JSON.

Arguments: the box helpers as they are copied into model.py, the folder holding metrics.py, the case file."""
import importlib.util
import json
import math
import os
import sys

import torch
import torch.nn.functional as F
from torch import nn


def main():
    helpers, package, case_file = sys.argv[1:4]
    namespace = {"math": math, "torch": torch, "F": F, "nn": nn}
    with open(helpers) as source:
        exec(source.read(), namespace)
    spec = importlib.util.spec_from_file_location("metrics", os.path.join(package, "metrics.py"))
    metrics = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(metrics)
    with open(case_file) as f:
        case = json.load(f)
    no_object = case["scoring"] == "SOFTMAX_NO_OBJECT"

    class Detector:
        """Stands in for an exported model: only its generated decoding method is needed."""

        def decode_boxes(self, logits, boxes):
            return namespace["decode_detections"](logits, boxes, no_object_class=no_object, min_score=case["minScore"],
                                                  nms_iou=case["nmsIou"], max_detections=case["maxDetections"])

    metric = metrics.bindings([{"kind": "detection_map", "logits": ["head", 1], "boxes": ["head", 0],
                                "decoder": "decode_boxes", "target_boxes": "boxes", "target_labels": "labels"}],
                              Detector())[0]
    decoded = []
    for batch in case["batches"]:
        logits = torch.tensor(batch["logits"], dtype=torch.float32)
        boxes = torch.tensor(batch["boxes"], dtype=torch.float32)
        decoded.extend(Detector().decode_boxes(logits, boxes))
        fields = {"boxes": torch.tensor(batch["targetBoxes"], dtype=torch.float32),
                  "labels": torch.tensor(batch["targetLabels"], dtype=torch.long)}
        metric.observe("head", (boxes, logits), fields)
    print(json.dumps({"detections": [[[label, score, list(box)] for label, score, box in image] for image in decoded],
                      "values": metric.values()}))


if __name__ == "__main__":
    main()
