package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.Params;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Decoding, NMS and mAP of the detection metric on hand-made predictions. */
class DetectionMapMetricTest {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();

    private static Step step(String id) {
        return new Step(0, id, CATALOG.require("relu"), new Params(CATALOG.require("relu"), Map.of()), null,
                List.<Optional<dev.tensorloom.execution.compile.InputRef>>of(), 1);
    }

    private static double map50(DetectionMapMetric.Scoring scoring, float[] logits, int k) {
        try (NDManager m = NDManager.newBaseManager()) {
            // one image, 3 predictions; truths: class 0 at [0,0,10,10], class 1 at [20,20,30,30]
            NDArray boxes = m.create(new float[] {0, 0, 10, 10, 1, 0, 10, 10, 20, 20, 30, 30}, new Shape(1, 3, 4));
            NDArray scores = m.create(logits, new Shape(1, 3, k));
            Map<String, NDArray> batch = Map.of(
                    "boxes", m.create(new float[] {0, 0, 10, 10, 20, 20, 30, 30, 0, 0, 0, 0}, new Shape(1, 3, 4)),
                    "labels", m.create(new long[] {0, 1, -1}, new Shape(1, 3)));
            DetectionMapMetric metric = new DetectionMapMetric(new NodeOutput("head", 0), new NodeOutput("head", 1),
                    scoring, "boxes", "labels");
            metric.reset();
            metric.observe(step("head"), new NDList(boxes, scores), batch);
            Map<String, Double> v = metric.values();
            assertEquals(v.get(DetectionMapMetric.VOC_MAP50), metric.value());
            return v.get(DetectionMapMetric.VOC_MAP50);
        }
    }

    @Test
    void rightBoxesAndClassesScoreOneAfterNmsRemovesTheDuplicate() {
        // sigmoid scores: prediction 1 duplicates prediction 0 (IoU 0.9) with a lower score, NMS drops it
        float[] logits = {5, -5, 3, -5, -5, 5};
        assertEquals(1.0, map50(DetectionMapMetric.Scoring.SIGMOID, logits, 2), 1e-9);
    }

    @Test
    void aWrongClassHalvesTheMean() {
        // the ellipse box predicted as class 0 only: class 1 gets AP 0, class 0 keeps AP 1
        float[] logits = {5, -5, -5, -5, 5, -5};
        assertEquals(0.5, map50(DetectionMapMetric.Scoring.SIGMOID, logits, 2), 1e-9);
    }

    @Test
    void softmaxScoringDropsTheNoObjectClass() {
        // 3 logits per query, the last is "no object": query 1 is background, queries 0 and 2 are right
        float[] logits = {5, 0, 0, 0, 0, 5, 0, 5, 0};
        assertEquals(1.0, map50(DetectionMapMetric.Scoring.SOFTMAX_NO_OBJECT, logits, 3), 1e-9);
    }
}
