package dev.tensorloom.execution.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.op.detection.DetectionMetrics;
import dev.tensorloom.execution.testing.TestPython;
import dev.tensorloom.execution.train.DetectionDecoder;
import dev.tensorloom.execution.train.DetectionMapMetric;
import dev.tensorloom.execution.train.NodeOutput;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.Params;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exported package decodes a detector's outputs and measures its held-out mAP as the studio does: on the
 * same logits, boxes and targets, {@code decode_detections} returns the detections of {@link DetectionDecoder}
 * (labels, boxes and order equal, scores within {@value #SCORE}) and {@code metrics.DetectionMap} the
 * {@code voc_map50} and {@code coco_map50_95} of {@link DetectionMapMetric} (within {@value #MAP}). The predictions
 * crowd every truth with near copies, give some of them equal scores, and add strays, so that NMS, ties and
 * the VOC matching rule all decide something.
 */
class DetectionParityTest {
    static final double SCORE = 1e-12;
    static final double MAP = 1e-12;
    private static final int BATCHES = 3;
    private static final int IMAGES = 5;
    private static final int PREDICTIONS = 24;
    private static final int SLOTS = 4;
    private static final int SIDE = 64;

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(DetectionMapMetric.Scoring.class)
    void decodingAndMapAgreeWithTheStudio(DetectionMapMetric.Scoring scoring) throws Exception {
        int classes = 2;
        int logitsPerBox = scoring == DetectionMapMetric.Scoring.SIGMOID ? classes : classes + 1;
        Random random = new Random(scoring.ordinal() + 3);
        ObjectMapper json = new ObjectMapper();
        ObjectNode cas = json.createObjectNode();
        cas.put("scoring", scoring.name());
        cas.put("minScore", DetectionMapMetric.MIN_SCORE);
        cas.put("nmsIou", DetectionMapMetric.NMS_IOU);
        cas.put("maxDetections", DetectionMapMetric.MAX_DETECTIONS);
        ArrayNode batches = cas.putArray("batches");
        List<List<DetectionMetrics.Detection>> expected = new ArrayList<>();
        DetectionMapMetric metric = new DetectionMapMetric(new NodeOutput("head", 0), new NodeOutput("head", 1), scoring,
                "boxes", "labels");
        metric.reset();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int b = 0; b < BATCHES; b++) {
                float[] targets = new float[IMAGES * SLOTS * 4];
                long[] labels = new long[IMAGES * SLOTS];
                float[] boxes = new float[IMAGES * PREDICTIONS * 4];
                float[] logits = new float[IMAGES * PREDICTIONS * logitsPerBox];
                for (int img = 0; img < IMAGES; img++) {
                    scene(random, img, classes, targets, labels, boxes, logits, logitsPerBox);
                }
                ObjectNode batch = batches.addObject();
                batch.set("logits", nested(json, logits, IMAGES, PREDICTIONS, logitsPerBox));
                batch.set("boxes", nested(json, boxes, IMAGES, PREDICTIONS, 4));
                batch.set("targetBoxes", nested(json, targets, IMAGES, SLOTS, 4));
                ArrayNode labelRows = batch.putArray("targetLabels");
                for (int img = 0; img < IMAGES; img++) {
                    ArrayNode row = labelRows.addArray();
                    for (int t = 0; t < SLOTS; t++) {
                        row.add(labels[img * SLOTS + t]);
                    }
                }
                for (int img = 0; img < IMAGES; img++) {
                    expected.add(DetectionDecoder.decode(boxes, logits, img, PREDICTIONS, logitsPerBox, scoring, 0));
                }
                Map<String, NDArray> fields = new LinkedHashMap<>();
                fields.put("boxes", m.create(targets, new Shape(IMAGES, SLOTS, 4)));
                fields.put("labels", m.create(labels, new Shape(IMAGES, SLOTS)));
                metric.observe(head(), new NDList(m.create(boxes, new Shape(IMAGES, PREDICTIONS, 4)),
                        m.create(logits, new Shape(IMAGES, PREDICTIONS, logitsPerBox))), fields);
            }
        }
        JsonNode python = runPython(json, cas);
        JsonNode decoded = python.get("detections");
        assertEquals(expected.size(), decoded.size());
        int detections = 0;
        for (int img = 0; img < expected.size(); img++) {
            List<DetectionMetrics.Detection> want = expected.get(img);
            JsonNode got = decoded.get(img);
            assertEquals(want.size(), got.size(), "detections of image " + img);
            for (int k = 0; k < want.size(); k++) {
                DetectionMetrics.Detection d = want.get(k);
                JsonNode g = got.get(k);
                String where = "image " + img + ", detection " + k;
                assertEquals(d.classId(), g.get(0).asInt(), where);
                assertEquals(d.score(), g.get(1).asDouble(), SCORE * d.score(), where);
                for (int c = 0; c < 4; c++) {
                    assertEquals(d.box()[c], g.get(2).get(c).asDouble(), where);
                }
            }
            detections += want.size();
        }
        Map<String, Double> values = metric.values();
        assertTrue(detections > 10 && values.get("voc_map50") > 0.1 && values.get("voc_map50") < 0.99,
                "the case decides something: " + detections + " detections, " + values);
        System.out.printf("%s: %d detections; studio %s, PyTorch %s%n", scoring, detections, values, python.get("values"));
        assertEquals(values.keySet(), keys(python.get("values")));
        for (Map.Entry<String, Double> v : values.entrySet()) {
            assertEquals(v.getValue(), python.get("values").get(v.getKey()).asDouble(), MAP, v.getKey());
        }
    }

    /**
     * One image: 1 to 4 truths, each with four predictions around it (the first close, with the best score;
     * two sharing one score; one loose), then strays anywhere with low scores.
     */
    private static void scene(Random r, int img, int classes, float[] targets, long[] labels, float[] boxes,
            float[] logits, int logitsPerBox) {
        int objects = 1 + r.nextInt(SLOTS);
        int p = 0;
        for (int t = 0; t < SLOTS; t++) {
            int slot = img * SLOTS + t;
            if (t >= objects) {
                labels[slot] = -1;
                continue;
            }
            int w = 8 + r.nextInt(17);
            int h = 8 + r.nextInt(17);
            int x = r.nextInt(SIDE - w);
            int y = r.nextInt(SIDE - h);
            float[] truth = {x, y, x + w, y + h};
            System.arraycopy(truth, 0, targets, slot * 4, 4);
            int label = r.nextInt(classes);
            labels[slot] = label;
            float tiedLogit = (float) r.nextGaussian() * 2;
            for (int copy = 0; copy < 4; copy++) {
                float jitter = copy == 0 ? 1 : copy == 3 ? 8 : 3;
                for (int c = 0; c < 4; c++) {
                    boxes[(img * PREDICTIONS + p) * 4 + c] = truth[c] + (float) (jitter * (r.nextDouble() - 0.5));
                }
                float score = copy == 0 ? 3 : copy == 1 || copy == 2 ? tiedLogit : (float) r.nextGaussian();
                for (int c = 0; c < logitsPerBox; c++) {
                    // a wrong class now and then, so AP is not trivially one
                    boolean right = c == label ^ r.nextInt(8) == 0;
                    logits[(img * PREDICTIONS + p) * logitsPerBox + c] = right ? score : -2 + (float) r.nextGaussian();
                }
                p++;
            }
        }
        for (; p < PREDICTIONS; p++) {
            int w = 4 + r.nextInt(20);
            int h = 4 + r.nextInt(20);
            float x = (float) (r.nextDouble() * (SIDE - w));
            float y = (float) (r.nextDouble() * (SIDE - h));
            float[] stray = {x, y, x + w, y + h};
            System.arraycopy(stray, 0, boxes, (img * PREDICTIONS + p) * 4, 4);
            for (int c = 0; c < logitsPerBox; c++) {
                logits[(img * PREDICTIONS + p) * logitsPerBox + c] = -2.5f + (float) r.nextGaussian();
            }
        }
    }

    private JsonNode runPython(ObjectMapper json, ObjectNode cas) throws Exception {
        Path caseFile = work.resolve("case.json");
        json.writeValue(caseFile.toFile(), cas);
        Path helpers = work.resolve("box_helpers.py");
        BlockLibrary library = BlockLibrary.standard();
        Files.writeString(helpers, library.find("_boxes").orElseThrow().code() + "\n\n"
                + library.find(DetectorDecoders.HELPER).orElseThrow().code());
        Path script = work.resolve("check_detection.py");
        copy("/dev/tensorloom/execution/export/check_detection.py", script);
        copy("/dev/tensorloom/export/package/metrics.py", work.resolve("metrics.py"));
        Process p = new ProcessBuilder(TestPython.interpreter().toString(), script.toString(), helpers.toString(),
                work.toString(), caseFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "check_detection.py did not finish");
        assertEquals(0, p.exitValue(), "check_detection.py failed:\n" + out);
        return json.readTree(out);
    }

    private static void copy(String resource, Path to) throws Exception {
        try (InputStream in = DetectionParityTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }

    private static ArrayNode nested(ObjectMapper json, float[] values, int a, int b, int c) {
        ArrayNode outer = json.createArrayNode();
        for (int i = 0; i < a; i++) {
            ArrayNode middle = outer.addArray();
            for (int j = 0; j < b; j++) {
                ArrayNode inner = middle.addArray();
                for (int k = 0; k < c; k++) {
                    inner.add(values[(i * b + j) * c + k]);
                }
            }
        }
        return outer;
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Step head() {
        BlockCatalog catalog = BlockCatalog.standard();
        return new Step(0, "head", catalog.require("dense_boxes"), new Params(catalog.require("dense_boxes"), Map.of()),
                null, List.<Optional<InputRef>>of(), 2);
    }
}
