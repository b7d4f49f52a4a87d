package dev.tensorloom.execution.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every block type with an op, in every {@link Mode}: one node-by-node training step of the
 * {@link Executor} gives the same loss and the same gradient for every parameter (the block's own and the
 * {@code shift} in front of each floating input, i.e. the gradients reaching its inputs) as one
 * whole-graph autograd pass over the same ops and weights ({@link WholeGraphReference}). So every op is
 * tested plain, checkpointed and recomputed: an op whose second forward differs from its first (a random
 * draw not taken from the step's seed, a buffer updated twice) fails here.
 */
class EveryBlockGradientParityTest {
    private static final long SEED = 17;
    private static final long STEP = 3;
    private static final double TOLERANCE = 1e-6;
    private static final Map<String, String> REPORT = new TreeMap<>();

    /** How the step keeps activations. */
    enum Mode {
        /** Everything kept with its graph: plain backpropagation. */
        PLAIN,
        /** Every node keeps its outputs but not its graph, so backward re-runs each node once. */
        CHECKPOINTED,
        /** Nothing kept but the batch: backward re-runs every node from the sources. */
        RECOMPUTED;

        ActivationSchedule schedule(Plan plan) {
            Set<Integer> all = new TreeSet<>();
            plan.steps().forEach(step -> all.add(step.index()));
            return switch (this) {
                case PLAIN -> ActivationSchedule.NONE;
                case CHECKPOINTED -> SegmentSchedule.outputsOnly(all);
                case RECOMPUTED -> new SegmentSchedule(Set.of());
            };
        }
    }

    @Test
    void everyBlockTypeWithAnOpHasASample() {
        OpRegistry ops = OpRegistry.standard();
        Set<String> withOps = BlockCatalog.standard().all().stream()
                .filter(t -> t.role() != BlockType.Role.SOURCE && ops.find(t.id()).isPresent())
                .map(BlockType::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = BlockSamples.all().stream().map(BlockSample::type)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(withOps, sampled, "every block type with an op needs a parity sample, and only those");
    }

    @TestFactory
    Stream<DynamicTest> nodeByNodeGradientsEqualWholeGraphAutograd() {
        BlockCatalog catalog = ParityBlocks.catalog();
        OpRegistry ops = ParityBlocks.ops();
        return BlockSamples.all().stream().flatMap(s -> Stream.of(Mode.values())
                .map(mode -> DynamicTest.dynamicTest(s + " " + mode, () -> check(s, mode, catalog, ops))));
    }

    private static void check(BlockSample sample, Mode mode, BlockCatalog catalog, OpRegistry ops) {
        Plan plan = Compiler.compile(sample.document(catalog), catalog, ops, DeviceChoice.CPU);
        ActivationSchedule schedule = mode.schedule(plan);
        try (ParameterStore store = new ParameterStore(plan.device(), SEED);
                Executor executor = new Executor(plan, store, SEED);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = sample.batch(data, SEED);
            // A first pass creates the parameters; moving them off their initial values then gives
            // zero-initialised layers (a coupling's last layer, for example) a gradient upstream of them.
            executor.train(batch, 0, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE);
            perturb(store, data);
            int[] recomputations = {0};
            ExecutorListener counter = a -> recomputations[0] += a.kind() == ActionKind.RECOMPUTE ? 1 : 0;
            StepOutcome outcome = executor.train(batch, STEP, schedule, counter, ForwardObserver.NONE);
            // The modes have teeth: every mode but plain re-runs nodes for their backward.
            assertEquals(mode == Mode.PLAIN, recomputations[0] == 0, sample + " " + mode + ": "
                    + recomputations[0] + " recomputations");
            Map<String, float[]> nodeByNode = GradientProbe.gradients(store);

            store.zeroGradients();
            double referenceLoss = WholeGraphReference.backward(plan, store, batch, SEED, STEP);
            Map<String, float[]> reference = GradientProbe.gradients(store);

            assertTrue(Double.isFinite(referenceLoss), sample + ": reference loss " + referenceLoss);
            assertEquals(referenceLoss, outcome.loss(), TOLERANCE * Math.abs(referenceLoss), sample + " " + mode + ": loss");
            assertEquals(reference.keySet(), nodeByNode.keySet());
            assertTrue(!reference.isEmpty(), sample + " has nothing to compare");
            double worst = 0;
            for (String id : reference.keySet()) {
                double refNorm = norm(reference.get(id));
                assertTrue(refNorm > 0, sample + ": " + id
                        + " has a zero reference gradient; the comparison would prove nothing");
                double rel = relativeDifference(nodeByNode.get(id), reference.get(id));
                worst = Math.max(worst, rel);
                assertTrue(rel <= TOLERANCE, sample + " " + mode + ": " + id + " differs from whole-graph autograd by " + rel);
            }
            REPORT.put(sample + " " + mode, String.format("max relative difference %.3e over %d parameters", worst,
                    reference.size()));
        }
    }

    /** Adds N(0, 0.05²) noise to every parameter, in place and outside autograd. */
    private static void perturb(ParameterStore store, NDManager data) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (Map.Entry<String, NDArray> p : store.parameters()) {
                NDArray noise = data.randomNormal(0, 0.05f, p.getValue().getShape(), p.getValue().getDataType());
                p.getValue().addi(noise);
                noise.close();
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** The comparison has teeth: a reference whose dropout draws other masks (another step) is far off. */
    @Test
    void aReferenceWithOtherRandomDrawsDiffers() {
        BlockCatalog catalog = ParityBlocks.catalog();
        OpRegistry ops = ParityBlocks.ops();
        BlockSample sample = BlockSamples.all().stream().filter(s -> s.type().equals("dropout")).findFirst().orElseThrow();
        Plan plan = Compiler.compile(sample.document(catalog), catalog, ops, DeviceChoice.CPU);
        try (ParameterStore store = new ParameterStore(plan.device(), SEED);
                Executor executor = new Executor(plan, store, SEED);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = sample.batch(data, SEED);
            executor.train(batch, STEP, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE);
            float[] nodeByNode = GradientProbe.gradients(store).get("shift_in/theta");
            store.zeroGradients();
            WholeGraphReference.backward(plan, store, batch, SEED, STEP + 1);
            float[] other = GradientProbe.gradients(store).get("shift_in/theta");
            assertTrue(relativeDifference(nodeByNode, other) > 1e-2);
        }
    }

    /** |a - b| / |b| in the Euclidean norm; 0 when both are zero. */
    static double relativeDifference(float[] a, float[] b) {
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            diff += d * d;
        }
        double ref = norm(b);
        return diff == 0 ? 0 : Math.sqrt(diff) / ref;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    @AfterAll
    static void report() {
        REPORT.forEach((type, line) -> System.out.printf("parity %-32s %s%n", type, line));
    }
}
