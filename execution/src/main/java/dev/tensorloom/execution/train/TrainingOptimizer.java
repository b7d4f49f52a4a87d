package dev.tensorloom.execution.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SGD (momentum, L2 weight decay), Adam (L2) and AdamW (decoupled decay) updates whose state we own, so
 * that a run can be saved and resumed exactly. The arithmetic is DJL 0.36's {@code Sgd}, {@code Adam} and
 * {@code AdamW} line for line (the same fused libtorch kernels through {@link JniUtils}, the same float
 * bias correction from the same update count), so a run trains bit for bit as it did with DJL's
 * optimizers; DJL keeps its moment buffers in private fields where no one can save them.
 *
 * <p>Call {@link #beginStep} once per optimisation step, then {@link #update} once per parameter.
 * Not thread-safe; close it to free the slots.
 */
public final class TrainingOptimizer implements AutoCloseable {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    /** DJL's defaults: no gradient rescaling, no per-element clipping (we clip the global norm ourselves). */
    private static final float RESCALE_GRAD = 1.0f;
    private static final float CLIP_GRAD = -1f;

    private enum Kind { SGD, ADAM, ADAMW }

    private final Kind kind;
    private final float momentum;
    private final float weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray[]> slots = new LinkedHashMap<>();
    private long updates;
    private float rate;

    /**
     * @param name     {@code sgd}, {@code adam} or {@code adamw}
     * @param momentum SGD's momentum (ignored by Adam)
     */
    public TrainingOptimizer(String name, double momentum, double weightDecay, Device device) {
        this.kind = switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd" -> Kind.SGD;
            case "adam" -> Kind.ADAM;
            case "adamw" -> Kind.ADAMW;
            default -> throw new IllegalArgumentException("optimizer must be sgd, adam or adamw, got '" + name + "'");
        };
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
        // Its own manager: the parameter store's would sweep the slots away as strays.
        this.manager = NDManager.newBaseManager(device);
    }

    /** Starts an optimisation step with this learning rate; every parameter of the step uses it. */
    public void beginStep(double learningRate) {
        updates++;
        rate = (float) learningRate;
        if (Float.isNaN(rate) || Float.isInfinite(rate) || Float.isNaN(weightDecay) || Float.isInfinite(weightDecay)) {
            throw new IllegalStateException("learning rate or weight decay is nan or infinite");
        }
    }

    /** Updates {@code weight} in place from {@code grad} and zeroes the weight's accumulated gradient. */
    public void update(String key, NDArray weight, NDArray grad) {
        PtNDArray w = (PtNDArray) weight;
        PtNDArray g = (PtNDArray) grad;
        if (kind == Kind.SGD) {
            PtNDArray state = momentum == 0f ? null : (PtNDArray) slots(key, weight, 1)[0];
            JniUtils.sgdUpdate(w, g, state, rate, weightDecay, RESCALE_GRAD, CLIP_GRAD, momentum);
        } else {
            // As DJL's Adam: t counts updates, and the bias correction is computed in double from float betas.
            long t = updates;
            double coef1 = 1.0 - Math.pow(BETA1, t);
            double coef2 = 1.0 - Math.pow(BETA2, t);
            float corrected = (float) (rate * Math.sqrt(coef2) / coef1);
            if (Float.isNaN(corrected) || Float.isInfinite(corrected)) {
                throw new IllegalStateException("learning rate or weight decay is nan or infinite");
            }
            NDArray[] moments = slots(key, weight, 2);
            JniUtils.adamUpdate(w, g, (PtNDArray) moments[0], (PtNDArray) moments[1], rate, corrected, weightDecay,
                    RESCALE_GRAD, CLIP_GRAD, BETA1, BETA2, EPSILON, kind == Kind.ADAMW);
        }
        JniUtils.zeroGrad(w);
    }

    /** Optimisation steps taken (restored ones included). */
    public long updates() {
        return updates;
    }

    /** The state as host bytes, for a saved training state. */
    public OptimizerState export() {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        slots.forEach((key, arrays) -> {
            List<byte[]> encoded = new ArrayList<>(arrays.length);
            for (NDArray a : arrays) {
                encoded.add(a.encode());
            }
            out.put(key, encoded);
        });
        return new OptimizerState(kind.name().toLowerCase(Locale.ROOT), updates, out);
    }

    /**
     * Continues from a saved state: same kind, and slots whose shapes match the parameters they belong to
     * (checked when each parameter is next updated).
     */
    public void restore(OptimizerState state) {
        if (!state.kind().equalsIgnoreCase(kind.name())) {
            throw new IllegalArgumentException("the saved optimizer is " + state.kind() + ", this run uses "
                    + kind.name().toLowerCase(Locale.ROOT));
        }
        slots.values().forEach(arrays -> {
            for (NDArray a : arrays) {
                a.close();
            }
        });
        slots.clear();
        state.slots().forEach((key, encoded) -> {
            NDArray[] arrays = new NDArray[encoded.size()];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = NDArray.decode(manager, encoded.get(i));
            }
            slots.put(key, arrays);
        });
        updates = state.updates();
    }

    private NDArray[] slots(String key, NDArray weight, int count) {
        NDArray[] arrays = slots.get(key);
        if (arrays == null) {
            arrays = new NDArray[count];
            for (int i = 0; i < count; i++) {
                arrays[i] = weight.zerosLike();
                arrays[i].attach(manager);
            }
            slots.put(key, arrays);
        } else if (arrays.length != count || !arrays[0].getShape().equals(weight.getShape())
                || arrays[0].getDataType() != weight.getDataType()) {
            throw new IllegalArgumentException("the saved optimizer state of " + key + " has shape "
                    + arrays[0].getShape() + ", the parameter has " + weight.getShape());
        }
        return arrays;
    }

    @Override
    public void close() {
        manager.close();
    }
}
