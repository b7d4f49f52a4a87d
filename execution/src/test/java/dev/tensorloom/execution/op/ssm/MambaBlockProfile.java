package dev.tensorloom.execution.op.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import dev.tensorloom.execution.op.FamilyTestHarness;
import dev.tensorloom.execution.op.OpSegment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a Mamba block's time goes: each sub-op of {@link MambaOp#forward} runs alone on fresh leaf inputs
 * of the template's shapes (batch 32, 72 steps, d_model 64, expand 2, state 16, conv 4; arguments override
 * batch, length, d_model, state), forward and backward timed apart, then the whole block. Times are the
 * calling thread's CPU time (run with {@code OMP_NUM_THREADS=1}), median over rounds, so a loaded machine
 * disturbs them little. Run it with the launcher's {@code GLIBC_TUNABLES} (see README) to see the times the
 * studio gets; without it the scan's backward page-faults its large buffers in at every call. Not a test.
 */
public final class MambaBlockProfile {

    private MambaBlockProfile() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int length = args.length > 1 ? Integer.parseInt(args[1]) : 72;
        int model = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int state = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 9;
        int inner = 2 * model;
        int kernel = 4;
        int rank = (model + 15) / 16;
        Map<String, OpSegment> segments = new LinkedHashMap<>();
        segments.put("in_proj matMul + split", new OpSegment(v -> {
            NDArray xz = v.get(0).matMul(v.get(1));
            return xz.get(new NDIndex("..., :{}", inner)).add(xz.get(new NDIndex("..., {}:", inner)));
        }, new Shape(batch, length, model), new Shape(model, 2L * inner)));
        segments.put("conv1d depthwise (oneDNN)", new OpSegment(v -> {
            NDArray y = Conv1d.conv1d(v.get(0).transpose(0, 2, 1), v.get(1).expandDims(1), v.get(2),
                    new Shape(1), new Shape(kernel - 1), new Shape(1), inner).singletonOrThrow();
            return y.get(new NDIndex(":, :, :{}", length)).transpose(0, 2, 1);
        }, new Shape(batch, length, inner), new Shape(inner, kernel), new Shape(inner)));
        // the alternative without oneDNN: K shifted multiply-adds on the channel-last layout (measured no faster)
        segments.put("conv shifted mul-add", new OpSegment(v -> shiftedConv(v.get(0), v.get(1), v.get(2)),
                new Shape(batch, length, inner), new Shape(inner, kernel), new Shape(inner)));
        segments.put("silu", new OpSegment(v -> v.get(0).mul(Activation.sigmoid(v.get(0))),
                new Shape(batch, length, inner)));
        segments.put("x_proj matMul + 3 slices", new OpSegment(v -> {
            NDArray p = v.get(0).matMul(v.get(1));
            return p.get(new NDIndex("..., :{}", rank)).sum()
                    .add(p.get(new NDIndex("..., {}:{}", rank, rank + state)).sum())
                    .add(p.get(new NDIndex("..., {}:", rank + state)).sum());
        }, new Shape(batch, length, inner), new Shape(inner, rank + 2L * state)));
        segments.put("dt_proj + softplus", new OpSegment(v -> Activation.softPlus(v.get(0).matMul(v.get(1)).add(v.get(2))),
                new Shape(batch, length, rank), new Shape(rank, inner), new Shape(inner)));
        segments.put("selective scan (loop)", new OpSegment(v -> SelectiveScan.sequential(v.get(0),
                Activation.sigmoid(v.get(1)), v.get(2).exp().neg(), v.get(3), v.get(4), v.get(5)),
                new Shape(batch, length, inner), new Shape(batch, length, inner), new Shape(inner, state),
                new Shape(batch, length, state), new Shape(batch, length, state), new Shape(inner)));
        segments.put("gate silu(z) + out_proj", new OpSegment(v -> v.get(0).mul(v.get(1).mul(Activation.sigmoid(v.get(1))))
                .matMul(v.get(2)), new Shape(batch, length, inner), new Shape(batch, length, inner),
                new Shape(inner, model)));
        Map<String, Object> params = Map.of("d_model", (long) model, "state", (long) state, "expand", 2L,
                "conv", (long) kernel, "dt_rank", 0L);
        try (NDManager m = NDManager.newBaseManager();
                FamilyTestHarness h = new FamilyTestHarness("mamba", params)) {
            h.init(new Shape(batch, length, model));
            OpSegment.printMedians("Mamba block B=%d L=%d D=%d Di=%d N=%d".formatted(batch, length, model, inner, state),
                    segments, "whole block (MambaOp)",
                    new OpSegment(v -> h.forward(v.get(0)).singletonOrThrow(), new Shape(batch, length, model)), m, rounds);
        }
    }

    /** {@code y[t] = Σ_k w[:, k]·x[t − (K−1) + k] + bias} on {@code [B, L, C]}, zero before the start. */
    static NDArray shiftedConv(NDArray x, NDArray w, NDArray bias) {
        long length = x.getShape().get(1);
        int kernel = (int) w.getShape().get(1);
        NDArray padded = x.pad(new Shape(0, 0, kernel - 1, 0), 0);
        NDArray y = bias;
        for (int k = 0; k < kernel; k++) {
            y = y.add(padded.get(new NDIndex(":, {}:{}", k, k + length)).mul(w.get(new NDIndex(":, {}", k))));
        }
        return y;
    }
}
