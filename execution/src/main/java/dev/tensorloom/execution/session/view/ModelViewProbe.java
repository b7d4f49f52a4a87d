package dev.tensorloom.execution.session.view;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.FlowSampler;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.RectifiedFlowSampler;
import dev.tensorloom.execution.op.detection.DetectionMetrics;
import dev.tensorloom.execution.session.ActivationProbe;
import dev.tensorloom.execution.session.Preview;
import dev.tensorloom.execution.train.DetectionDecoder;
import dev.tensorloom.execution.train.DetectionMapMetric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Draws the pictures that show a whole model at work, on the training thread between steps (the
 * parameters must not change under it): samples of a normalizing flow next to the data, a rectified-flow
 * sampler's states at several Euler steps, and a detector's boxes on one held-out image. Each costs a
 * sampling or evaluation pass, so the session asks for them rarely (see {@code ViewRequest}).
 */
public final class ModelViewProbe {
    /** Flow samples drawn and data points shown. */
    public static final int FLOW_POINTS = 512;
    /** Sampler trajectories shown, one per class where the batch has several. */
    public static final int SAMPLER_IMAGES = 4;
    /** Euler steps of the shown trajectories. */
    public static final int SAMPLER_STEPS = 8;
    /** States shown per trajectory, evenly spaced from noise to sample. */
    public static final int SHOWN_STATES = 5;
    /** Fixed noise, so the same samples are watched as they improve over training. */
    private static final long SEED = 1234;

    private final Plan plan;
    private final ParameterStore store;
    private final String flowField;
    private final boolean rectifiedFlow;
    private final DetectionTarget detection;
    private String lastError = "";

    /** Where a detector's predictions and truth come from (as {@code MetricsForDataset} binds the mAP). */
    private record DetectionTarget(String logitsNode, int logitsOutput, String boxesNode, int boxesOutput,
            DetectionMapMetric.Scoring scoring, String imageField, String boxesField, String labelsField) {
    }

    public ModelViewProbe(Plan plan, ParameterStore store) {
        this.plan = plan;
        this.store = store;
        this.rectifiedFlow = plan.steps().stream().anyMatch(s -> s.type().id().equals("rectified_flow_pair"));
        String field = "";
        DetectionTarget target = null;
        // An odd graph (a chain that does not reach an input) has no picture; it must not stop the run.
        try {
            field = plan.lossSteps().stream().filter(s -> s.type().id().equals("flow_nll")).findFirst()
                    .flatMap(s -> s.inputs().get(0)).map(r -> sourceUpstream(r).field()).orElse("");
            target = plan.lossSteps().stream().map(this::detectionTarget).flatMap(Optional::stream).findFirst()
                    .orElse(null);
        } catch (RuntimeException e) {
            lastError = String.valueOf(e.getMessage());
        }
        this.flowField = field;
        this.detection = target;
    }

    /** True when the plan has nothing this probe can picture. */
    public boolean isEmpty() {
        return flowField.isEmpty() && !rectifiedFlow && detection == null;
    }

    /** Why the last picture could not be drawn ("" when all were). */
    public String lastError() {
        return lastError;
    }

    /**
     * The pictures of the current parameters.
     *
     * @param batch   the step's training batch (data points, sampler classes)
     * @param heldOut a held-out batch whose first image the detector is shown on
     */
    public List<NodeView> capture(Executor executor, Map<String, NDArray> batch, Map<String, NDArray> heldOut,
            long step) {
        List<NodeView> views = new ArrayList<>();
        lastError = "";
        // A picture that cannot be drawn must not end the run; the view simply keeps its last one.
        try {
            if (!flowField.isEmpty() && batch.containsKey(flowField)) {
                views.add(flowSamples(batch.get(flowField), step));
            }
            if (rectifiedFlow) {
                views.add(samplerSteps(batch, step));
            }
            if (detection != null) {
                views.add(detectionPicture(executor, heldOut, step));
            }
        } catch (RuntimeException e) {
            lastError = String.valueOf(e.getMessage());
        }
        return views;
    }

    private FlowSamples flowSamples(NDArray data, long step) {
        FlowSampler sampler = new FlowSampler(plan, store);
        int d = sampler.dimension();
        Points samples = Points.firstTwo(sampler.sample(FLOW_POINTS, SEED), d, FLOW_POINTS);
        return new FlowSamples(step, d, ActivationProbe.firstTwo(data, FLOW_POINTS), samples);
    }

    private SamplerSteps samplerSteps(Map<String, NDArray> batch, long step) {
        RectifiedFlowSampler sampler = new RectifiedFlowSampler(plan, store);
        NDArray images = batch.get(sampler.dataField());
        if (images == null) {
            throw new IllegalArgumentException("the batch has no field '" + sampler.dataField() + "' to sample like");
        }
        long[] shape = images.getShape().getShape();
        int perImage = (int) (images.size() / shape[0]);
        float[] pixels = images.toType(DataType.FLOAT32, false).toFloatArray();
        Map<String, long[]> fields = new HashMap<>();
        for (String f : sampler.conditionFields()) {
            fields.put(f, batch.get(f).toType(DataType.INT64, false).toLongArray());
        }
        long[] classes = fields.size() == 1 ? fields.values().iterator().next() : new long[(int) shape[0]];
        List<Integer> chosen = distinctFirst(classes, SAMPLER_IMAGES);
        Map<String, long[]> condition = new HashMap<>();
        fields.forEach((f, v) -> condition.put(f, chosen.stream().mapToLong(i -> v[i]).toArray()));
        long[] sampleShape = shape.clone();
        sampleShape[0] = chosen.size();
        RectifiedFlowSampler.Trajectory t = sampler.sample(sampleShape, condition, SAMPLER_STEPS, 1.0, SEED);
        int h = shape.length >= 4 ? (int) shape[shape.length - 2] : 1;
        int w = (int) shape[shape.length - 1];
        double[] times = new double[SHOWN_STATES];
        List<List<Preview>> states = new ArrayList<>();
        List<Preview> data = new ArrayList<>();
        for (int j = 0; j < chosen.size(); j++) {
            List<Preview> row = new ArrayList<>();
            for (int s = 0; s < SHOWN_STATES; s++) {
                int index = Math.round((float) s * SAMPLER_STEPS / (SHOWN_STATES - 1));
                times[s] = t.times()[index];
                row.add(firstChannel(t.states().get(index), j * perImage, h, w));
            }
            states.add(row);
            data.add(firstChannel(pixels, chosen.get(j) * perImage, h, w));
        }
        long[] labels = fields.size() == 1 ? chosen.stream().mapToLong(i -> classes[i]).toArray()
                : chosen.stream().mapToLong(i -> -1L).toArray();
        return new SamplerSteps(step, times, labels, states, data);
    }

    /** Indices of the first example of each distinct class, then further examples, {@code n} at most. */
    static List<Integer> distinctFirst(long[] classes, int n) {
        Set<Integer> picked = new LinkedHashSet<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < classes.length && picked.size() < n; i++) {
            if (seen.add(classes[i])) {
                picked.add(i);
            }
        }
        for (int i = 0; i < classes.length && picked.size() < n; i++) {
            picked.add(i);
        }
        return List.copyOf(picked);
    }

    private static Preview firstChannel(float[] values, int offset, int h, int w) {
        float[] image = new float[h * w];
        System.arraycopy(values, offset, image, 0, h * w);
        return new Preview(new long[] {h, w}, h, w, image);
    }

    private DetectionPicture detectionPicture(Executor executor, Map<String, NDArray> heldOut, long step) {
        DetectionTarget d = detection;
        float[][] boxes = new float[1][];
        float[][] logits = new float[1][];
        long[][] logitsShape = new long[1][];
        try (NDManager one = NDManager.newBaseManager(plan.device())) {
            Map<String, NDArray> image = new HashMap<>();
            heldOut.forEach((field, array) -> {
                NDArray first = array.get(new NDIndex("0:1"));
                first.attach(one);
                image.put(field, first);
            });
            executor.evaluate(image, (s, outputs, published) -> {
                if (s.nodeId().equals(d.boxesNode())) {
                    boxes[0] = outputs.get(d.boxesOutput()).toType(DataType.FLOAT32, false).toFloatArray();
                }
                if (s.nodeId().equals(d.logitsNode())) {
                    NDArray l = outputs.get(d.logitsOutput());
                    logitsShape[0] = l.getShape().getShape();
                    logits[0] = l.toType(DataType.FLOAT32, false).toFloatArray();
                }
            });
            long[] ls = logitsShape[0];
            List<DetectedBox> predicted = new ArrayList<>();
            for (DetectionMetrics.Detection det : DetectionDecoder.decode(boxes[0], logits[0], 0, (int) ls[1],
                    (int) ls[2], d.scoring(), 0)) {
                double[] b = det.box();
                predicted.add(new DetectedBox(det.classId(), det.score(), b[0], b[1], b[2], b[3]));
            }
            predicted.sort((a, b) -> Double.compare(b.score(), a.score()));
            float[] gt = image.get(d.boxesField()).toType(DataType.FLOAT32, false).toFloatArray();
            long[] labels = image.get(d.labelsField()).toType(DataType.INT64, false).toLongArray();
            List<DetectedBox> truth = new ArrayList<>();
            for (int j = 0; j < labels.length; j++) {
                if (labels[j] >= 0) {
                    truth.add(new DetectedBox((int) labels[j], 1, gt[4 * j], gt[4 * j + 1], gt[4 * j + 2],
                            gt[4 * j + 3]));
                }
            }
            NDArray picture = image.get(d.imageField());
            long[] shape = picture.getShape().getShape();
            int h = (int) shape[2];
            int w = (int) shape[3];
            return new DetectionPicture(step, w, h, rgb(picture.toType(DataType.FLOAT32, false).toFloatArray(),
                    (int) shape[1], h, w), predicted, truth);
        }
    }

    /** Planar RGB from an image with 1 or 3+ channels (a grey image repeats its channel). */
    private static float[] rgb(float[] chw, int channels, int h, int w) {
        float[] out = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(chw, (channels >= 3 ? c : 0) * h * w, out, c * h * w, h * w);
        }
        return out;
    }

    private Optional<DetectionTarget> detectionTarget(Step loss) {
        String type = loss.type().id();
        if (!type.equals("detr_set_loss") && !type.equals("dense_detection_loss")) {
            return Optional.empty();
        }
        Optional<InputRef> logits = loss.inputs().get(0);
        Optional<InputRef> boxes = loss.inputs().get(1);
        Optional<InputRef> gtBoxes = loss.inputs().get(2);
        Optional<InputRef> gtLabels = loss.inputs().get(3);
        if (logits.isEmpty() || boxes.isEmpty() || gtBoxes.isEmpty() || gtLabels.isEmpty()
                || !plan.step(gtBoxes.get().step()).isSource() || !plan.step(gtLabels.get().step()).isSource()) {
            return Optional.empty();
        }
        DetectionMapMetric.Scoring scoring = type.equals("detr_set_loss")
                ? DetectionMapMetric.Scoring.SOFTMAX_NO_OBJECT : DetectionMapMetric.Scoring.SIGMOID;
        return Optional.of(new DetectionTarget(plan.step(logits.get().step()).nodeId(), logits.get().output(),
                plan.step(boxes.get().step()).nodeId(), boxes.get().output(), scoring,
                sourceUpstream(boxes.get()).field(), plan.step(gtBoxes.get().step()).field(),
                plan.step(gtLabels.get().step()).field()));
    }

    /** Follows first inputs upstream to the input node a chain starts from. */
    private Step sourceUpstream(InputRef ref) {
        Step s = plan.step(ref.step());
        while (!s.isSource()) {
            s = plan.step(s.inputs().get(0).orElseThrow(() -> new IllegalArgumentException(
                    "an input of the chain is not connected")).step());
        }
        return s;
    }
}
