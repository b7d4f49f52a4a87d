package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.op.Scalars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam and AdamW as {@code torch.optim.Adam} / {@code torch.optim.AdamW} compute them (betas 0.9 and
 * 0.999, eps 1e-8, no amsgrad). Adam adds {@code weightDecay · w} to the gradient (L2); AdamW first
 * shrinks the weight by {@code 1 − lr · weightDecay} (decoupled). Then
 * {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v + (1−β2)·g²} and
 * {@code w ← w − lr/(1−β1ᵗ) · m / (√v / √(1−β2ᵗ) + eps)}.
 * State per parameter: {@code [m, v]}.
 */
final class TorchAdam extends StepCountingOptimizer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final boolean decoupled;
    private final double weightDecay;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();

    TorchAdam(boolean decoupled, double weightDecay, NDManager stateManager) {
        super(stateManager);
        this.decoupled = decoupled;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void apply(String key, NDArray weight, NDArray gradient, double learningRate, long t,
            NDManager scratch) {
        NDArray[] mv = moments.computeIfAbsent(key, k -> new NDArray[] {zerosLike(weight), zerosLike(weight)});
        NDArray g = gradient;
        if (weightDecay != 0) {
            if (decoupled) {
                weight.muli(Scalars.of(scratch, weight, 1 - learningRate * weightDecay));
            } else {
                g = g.add(weight.mul(Scalars.of(scratch, weight, weightDecay)));
                g.attach(scratch);
            }
        }
        NDArray m = mv[0];
        NDArray v = mv[1];
        // m.lerp_(g, 1 − β1) and v·β2 + (1 − β2)·g², as torch's single-tensor Adam does.
        NDArray step = g.sub(m);
        step.attach(scratch);
        m.addi(step.muli(Scalars.of(scratch, m, 1 - BETA1)));
        NDArray square = g.mul(g);
        square.attach(scratch);
        v.muli(Scalars.of(scratch, v, BETA2)).addi(square.muli(Scalars.of(scratch, v, 1 - BETA2)));
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        double stepSize = learningRate / correction1;
        NDArray denominator = v.sqrt();
        denominator.attach(scratch);
        denominator.divi(Scalars.of(scratch, v, Math.sqrt(correction2))).addi(Scalars.of(scratch, v, EPS));
        NDArray update = m.div(denominator);
        update.attach(scratch);
        weight.subi(update.muli(Scalars.of(scratch, m, stepSize)));
    }

    private NDArray zerosLike(NDArray weight) {
        NDArray z = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        return z;
    }

    @Override
    public Map<String, List<NDArray>> state() {
        Map<String, List<NDArray>> out = new LinkedHashMap<>();
        moments.forEach((k, mv) -> out.put(k, List.of(mv)));
        return out;
    }

    @Override
    protected void restoreState(String key, List<NDArray> state) {
        if (state.size() != 2) {
            throw new IllegalArgumentException(key + ": Adam keeps 2 state arrays, got " + state.size());
        }
        NDArray[] mv = new NDArray[2];
        for (int i = 0; i < 2; i++) {
            mv[i] = state.get(i).duplicate();
            mv[i].attach(stateManager);
        }
        NDArray[] old = moments.put(key, mv);
        if (old != null) {
            old[0].close();
            old[1].close();
        }
    }
}
