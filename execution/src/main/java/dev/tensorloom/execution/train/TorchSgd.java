package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.op.Scalars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SGD as {@code torch.optim.SGD} computes it (no dampening, no Nesterov): {@code g ← g + weightDecay·w};
 * with momentum, {@code b ← g} on the first step and {@code b ← momentum·b + g} after; {@code w ← w − lr·b}.
 * State per parameter: {@code [b]} (empty without momentum).
 */
final class TorchSgd extends StepCountingOptimizer {
    private final double momentum;
    private final double weightDecay;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    TorchSgd(double momentum, double weightDecay, NDManager stateManager) {
        super(stateManager);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void apply(String key, NDArray weight, NDArray gradient, double learningRate, long step,
            NDManager scratch) {
        NDArray g = gradient;
        if (weightDecay != 0) {
            g = g.add(weight.mul(Scalars.of(scratch, weight, weightDecay)));
            g.attach(scratch);
        }
        if (momentum != 0) {
            NDArray b = buffers.get(key);
            if (b == null) {
                b = g.duplicate();
                b.attach(stateManager);
                buffers.put(key, b);
            } else {
                b.muli(Scalars.of(scratch, b, momentum)).addi(g);
            }
            g = b;
        }
        NDArray update = g.mul(Scalars.of(scratch, g, learningRate));
        update.attach(scratch);
        weight.subi(update);
    }

    @Override
    public Map<String, List<NDArray>> state() {
        Map<String, List<NDArray>> out = new LinkedHashMap<>();
        keys().forEach(k -> out.put(k, buffers.containsKey(k) ? List.of(buffers.get(k)) : List.of()));
        return out;
    }

    @Override
    protected void restoreState(String key, List<NDArray> state) {
        NDArray old = buffers.remove(key);
        if (old != null) {
            old.close();
        }
        if (!state.isEmpty()) {
            NDArray b = state.get(0).duplicate();
            b.attach(stateManager);
            buffers.put(key, b);
        }
    }
}
