package dev.tensorloom.execution.op.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.tensorloom.execution.op.FamilyTestHarness;
import dev.tensorloom.execution.op.OpSegment;
import dev.tensorloom.execution.op.Scalars;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a DiT block's time goes: each sub-op of {@link DitBlockOp#forward} runs alone on fresh leaf inputs of the
 * template's shapes (arguments: batch, tokens, d_model, heads, hidden, rounds), forward and backward timed
 * apart, then the whole block (layer norm, modulation and gated residual run twice in it). The alternatives
 * measured next to the code's choice: a fused layer norm (now used; ~2x less backward time), scaling q before
 * QKᵀ instead of the scores, qk RMS norm through {@code normalize}, and one concatenated q,k,v projection
 * (each within ~10% of the code's and so left out). Times are the calling thread's CPU time (run with {@code OMP_NUM_THREADS=1}),
 * median over rounds. Not a test.
 */
public final class DitBlockProfile {

    private DitBlockProfile() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int heads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int hidden = args.length > 4 ? Integer.parseInt(args[4]) : 2 * width;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 9;
        int dh = width / heads;
        Shape x = new Shape(batch, tokens, width);
        Shape w = new Shape(width, width);
        Shape b = new Shape(width);
        Shape cond = new Shape(batch, width);
        Shape hs = new Shape(batch, heads, tokens, dh);
        Map<String, OpSegment> segments = new LinkedHashMap<>();
        segments.put("ada chunks (silu, linear 6d)", new OpSegment(v -> Linear.linear(Modulation.silu(v.get(0)), v.get(1),
                v.get(2)).singletonOrThrow(), cond, new Shape(6L * width, width), new Shape(6L * width)));
        segments.put("layerNorm (5 ops, before)", new OpSegment(v -> {
            NDArray centred = v.get(0).sub(v.get(0).mean(new int[] {-1}, true));
            NDArray var = centred.square().mean(new int[] {-1}, true);
            return centred.div(var.add(Scalars.of(var, Modulation.LN_EPS)).sqrt());
        }, x));
        segments.put("layerNorm (torch fused, now)", new OpSegment(v -> Modulation.layerNorm(v.get(0)), x));
        segments.put("modulate", new OpSegment(v -> Modulation.modulate(v.get(0), v.get(1), v.get(2)), x, cond, cond));
        segments.put("q,k,v linear", new OpSegment(v -> Linear.linear(v.get(0), v.get(1), v.get(2)).singletonOrThrow()
                .add(Linear.linear(v.get(0), v.get(3), v.get(2)).singletonOrThrow())
                .add(Linear.linear(v.get(0), v.get(4), v.get(2)).singletonOrThrow()), x, w, b, w, w));
        segments.put("split heads q,k,v", new OpSegment(v -> v.get(0).reshape(batch, tokens, heads, dh).transpose(0, 2, 1, 3)
                .add(v.get(1).reshape(batch, tokens, heads, dh).transpose(0, 2, 1, 3))
                .add(v.get(2).reshape(batch, tokens, heads, dh).transpose(0, 2, 1, 3)), x, x, x));
        segments.put("rmsNorm q,k", new OpSegment(v -> rms(v.get(0), v.get(2)).add(rms(v.get(1), v.get(2))), hs, hs,
                new Shape(dh)));
        segments.put("scores, softmax, mix", new OpSegment(v -> {
            NDArray scale = v.getManager().full(new Shape(), (float) Math.sqrt(dh));
            return v.get(0).matMul(v.get(1).transpose(0, 1, 3, 2)).div(scale).softmax(-1).matMul(v.get(2));
        }, hs, hs, hs));
        segments.put("scores (q pre-scaled), softmax, mix", new OpSegment(v -> {
            NDArray scale = v.getManager().full(new Shape(), (float) Math.sqrt(dh));
            return v.get(0).div(scale).matMul(v.get(1).transpose(0, 1, 3, 2)).softmax(-1).matMul(v.get(2));
        }, hs, hs, hs));
        segments.put("rmsNorm q,k via normalize", new OpSegment(v -> {
            NDArray s = v.get(2).mul(Scalars.of(v.get(2), (float) Math.sqrt(dh)));
            return v.get(0).normalize(2, -1, 1e-6).mul(s).add(v.get(1).normalize(2, -1, 1e-6).mul(s));
        }, hs, hs, new Shape(dh)));
        segments.put("q,k,v one linear (concat w)", new OpSegment(v -> {
            NDArray wqkv = v.get(1).concat(v.get(3), 0).concat(v.get(4), 0);
            NDArray bqkv = v.get(2).concat(v.get(2), 0).concat(v.get(2), 0);
            NDList parts = Linear.linear(v.get(0), wqkv, bqkv).singletonOrThrow().split(3, 2);
            return parts.get(0).add(parts.get(1)).add(parts.get(2));
        }, x, w, b, w, w));
        segments.put("merge heads, out linear", new OpSegment(v -> Linear.linear(v.get(0).transpose(0, 2, 1, 3)
                .reshape(batch, tokens, width), v.get(1), v.get(2)).singletonOrThrow(), hs, w, b));
        segments.put("gate, residual", new OpSegment(v -> v.get(0).add(v.get(1).mul(v.get(2).expandDims(1))), x, x,
                cond));
        segments.put("mlp (gelu)", new OpSegment(v -> Linear.linear(Activation.gelu(Linear.linear(v.get(0), v.get(1),
                v.get(2)).singletonOrThrow()), v.get(3), v.get(4)).singletonOrThrow(), x, new Shape(hidden, width),
                new Shape(hidden), new Shape(width, hidden), b));
        Map<String, Object> params = Map.of("d_model", (long) width, "heads", (long) heads, "hidden", (long) hidden,
                "qk_norm", true);
        try (NDManager m = NDManager.newBaseManager(); FamilyTestHarness h = new FamilyTestHarness("dit_block", params)) {
            h.init(x, cond);
            // adaLN-Zero starts at zero, which would skip nothing but makes the gates exact zeros; give them values
            h.set("ada_w", m.randomNormal(new Shape(6L * width, width)).mul(m.create(0.05f)));
            OpSegment.printMedians("DiT block B=%d T=%d d=%d heads=%d hidden=%d".formatted(batch, tokens, width, heads,
                    hidden), segments, "whole block (DitBlockOp)",
                    new OpSegment(v -> h.forward(v.get(0), v.get(1)).singletonOrThrow(), x, cond), m, rounds);
        }
    }

    private static NDArray rms(NDArray x, NDArray scale) {
        NDArray r = x.square().mean(new int[] {-1}, true).add(Scalars.of(x, 1e-6f)).sqrt();
        return x.div(r).mul(scale);
    }
}
