package dev.tensorloom.execution.exec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.op.Scalars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Samples a trained rectified-flow model with Euler steps from pure noise at t = 1 to data at t = 0.
 * The velocity network is the part of the plan between the {@code rectified_flow_pair} node (whose
 * x_t and t outputs the sampler supplies) and the {@code pred} input of the loss that reads the pair's
 * velocity; other source fields it needs (such as the class label) come from the caller's condition.
 * Times follow t_i = 1 − i/N, optionally shifted to shift·t / (1 + (shift − 1)·t) (SD3), which spends
 * more steps at high noise when shift > 1.
 */
public final class RectifiedFlowSampler {
    private final Plan plan;
    private final ParameterStore store;
    private final Step pair;
    private final Step velocity;
    private final List<Step> network;

    /** Every intermediate state, x at t_0 = 1 (the noise) through t_N = 0 (the sample), each [count, …]. */
    public record Trajectory(long[] shape, double[] times, List<float[]> states) {
        /** The final samples. */
        public float[] samples() {
            return states.get(states.size() - 1);
        }
    }

    public RectifiedFlowSampler(Plan plan, ParameterStore store) {
        this.plan = plan;
        this.store = store;
        this.pair = plan.steps().stream().filter(s -> s.type().id().equals("rectified_flow_pair")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the graph has no rectified_flow_pair to sample from"));
        Step loss = plan.lossSteps().stream().filter(s -> readsVelocity(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no loss reads " + pair.nodeId() + ".velocity, so no node predicts the velocity"));
        InputRef pred = loss.inputs().get(0).orElseThrow(() -> new IllegalArgumentException(
                loss.nodeId() + ": pred is not connected"));
        this.velocity = plan.step(pred.step());
        this.network = ancestors(velocity);
        for (Step s : network) {
            if (!s.isSource() && !store.isInitialized(s.nodeId())) {
                throw new IllegalStateException(s.nodeId() + " has no parameters yet: train (or evaluate) first");
            }
        }
    }

    /** The source fields the velocity network reads besides x_t and t (what {@link #sample} needs as condition). */
    public List<String> conditionFields() {
        return network.stream().filter(Step::isSource).map(Step::field).toList();
    }

    /** The batch field the pair noises: the data the samples should resemble. */
    public String dataField() {
        InputRef in = pair.inputs().get(0).orElseThrow(() -> new IllegalArgumentException(
                pair.nodeId() + ": input is not connected"));
        Step source = plan.step(in.step());
        return source.isSource() ? source.field() : "";
    }

    private boolean readsVelocity(Step loss) {
        return loss.inputs().stream().flatMap(Optional::stream)
                .anyMatch(r -> r.step() == pair.index() && r.output() == 2);
    }

    /** The steps the velocity depends on, in plan order, not looking past the pair node. */
    private List<Step> ancestors(Step target) {
        TreeSet<Integer> seen = new TreeSet<>();
        List<Integer> todo = new ArrayList<>(List.of(target.index()));
        while (!todo.isEmpty()) {
            int i = todo.remove(todo.size() - 1);
            if (!seen.add(i) || i == pair.index()) {
                continue;
            }
            plan.step(i).inputs().forEach(r -> r.ifPresent(ref -> todo.add(ref.step())));
        }
        return seen.stream().map(plan::step).toList();
    }

    /**
     * Draws {@code shape[0]} samples of {@code shape} (e.g. [count, 1, 16, 16]) with {@code steps} Euler
     * steps. {@code condition} holds the source fields the network reads besides x_t and t (e.g.
     * {@code label} int64 [count]), as host arrays; the same seed gives the same trajectory.
     */
    public Trajectory sample(long[] shape, Map<String, long[]> condition, int steps, double shift, long seed) {
        double[] times = times(steps, shift);
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        List<float[]> states = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(plan.device())) {
            Engine.getInstance().setRandomSeed((int) seed);
            NDArray x = m.randomNormal(0, 1, new Shape(shape), DataType.FLOAT32);
            states.add(x.toFloatArray());
            for (int i = 0; i < steps; i++) {
                try (NDManager stepManager = m.newSubManager()) {
                    // DJL puts an op's result next to its first operand: with x in the step's manager, everything
                    // computed from it is freed with the step instead of piling up for the whole trajectory
                    x.tempAttach(stepManager);
                    NDArray v = velocity(stepManager, x, (float) times[i], condition, shape[0]);
                    NDArray next = x.add(v.mul(Scalars.of(v, (float) (times[i + 1] - times[i]))));
                    next.attach(m);
                    x = next;
                }
                states.add(x.toFloatArray());
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
        return new Trajectory(shape.clone(), times, List.copyOf(states));
    }

    /** The N + 1 times t_i = shift·u / (1 + (shift − 1)·u) with u = 1 − i/N, from 1 down to 0. */
    public static double[] times(int steps, double shift) {
        if (steps < 1 || shift <= 0) {
            throw new IllegalArgumentException("needs steps >= 1 and shift > 0");
        }
        double[] times = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double u = 1.0 - (double) i / steps;
            times[i] = shift * u / (1 + (shift - 1) * u);
        }
        return times;
    }

    private NDArray velocity(NDManager m, NDArray x, float t, Map<String, long[]> condition, long count) {
        NDList[] outputs = new NDList[plan.size()];
        NDArray times = m.full(new Shape(count), t);
        outputs[pair.index()] = new NDList(x, times, null);
        for (Step s : network) {
            if (s.index() == pair.index()) {
                continue;
            }
            if (s.isSource()) {
                long[] values = condition.get(s.field());
                if (values == null) {
                    throw new IllegalArgumentException("the velocity network reads field '" + s.field()
                            + "'; pass it in the condition");
                }
                outputs[s.index()] = new NDList(m.create(values, new Shape(count)));
                continue;
            }
            NDList inputs = new NDList();
            for (Optional<InputRef> ref : s.inputs()) {
                inputs.add(ref.map(r -> outputs[r.step()].get(r.output())).orElse(null));
            }
            outputs[s.index()] = s.op().forward(new NodeContext(s, store, m, false, false), inputs);
            // results whose first operand was a parameter landed in the parameter manager (as in Pass)
            store.sweepStrays(m);
        }
        return outputs[velocity.index()].get(0);
    }
}
