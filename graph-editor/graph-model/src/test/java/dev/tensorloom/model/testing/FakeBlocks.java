package dev.tensorloom.model.testing;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Estimate;
import dev.tensorloom.model.catalog.Estimator;
import dev.tensorloom.model.catalog.ParamSpec;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;

/**
 * Small stand-ins for the real block families (written in parallel), with simple shape rules and
 * estimators whose values the tests can compute by hand.
 */
public final class FakeBlocks {
    private FakeBlocks() {
    }

    /** A catalog with src, lin, relu, attn, add, embed and loss. */
    public static BlockCatalog catalog() {
        BlockCatalog c = new BlockCatalog();
        c.register(src());
        c.register(lin());
        c.register(relu());
        c.register(attn());
        c.register(add());
        c.register(embed());
        c.register(loss());
        return c;
    }

    /** A data source whose output type is its {@code shape} parameter, e.g. {@code [B, 16]}. */
    static BlockType src() {
        return BlockType.builder("src").category(BlockCategory.DATA).role(BlockType.Role.SOURCE)
                .param(ParamSpec.text("shape", "[B, 16]", "output shape"))
                .param(ParamSpec.choice("dtype", "float32", List.of("float32", "int64"), "element type"))
                .output("out")
                .shape(ctx -> ctx.output("out", ctx.shape(
                        "int64".equals(ctx.params().getString("dtype")) ? DType.INT64 : DType.FLOAT32,
                        ctx.params().getString("shape"))))
                .estimator((p, in, out) -> new Estimate(0, 0, bytes(out.get("out")), true))
                .build();
    }

    /** A linear layer over the last dimension: {@code [*, F] -> [*, out_features]}. */
    static BlockType lin() {
        return BlockType.builder("lin").category(BlockCategory.CORE)
                .param(ParamSpec.integer("out_features", 8, 1, 1 << 20, "output width"))
                .param(ParamSpec.bool("bias", true, "add a bias"))
                .input("in").output("out")
                .shape(ctx -> {
                    if (ctx.expect("in", "[*, F]")) {
                        ctx.output("out", ctx.shape(DType.FLOAT32, "[*, " + ctx.params().getLong("out_features") + "]"));
                    }
                })
                .estimator((p, in, out) -> {
                    TensorType x = in.get("in");
                    long f = x.last().sizeOr(1);
                    long o = p.getLong("out_features");
                    long rows = x.elementsPerExample(1) / f;
                    long params = f * o + (p.getBool("bias") ? o : 0);
                    return new Estimate(params, 2.0 * f * o * rows, bytes(out.get("out")), x.isConcreteAfterBatch());
                })
                .build();
    }

    static BlockType relu() {
        return BlockType.builder("relu").category(BlockCategory.CORE)
                .input("in").output("out")
                .shape(ctx -> {
                    if (ctx.expect("in", "[*]")) {
                        ctx.output("out", ctx.input("in").orElseThrow());
                    }
                })
                .estimator(Estimator.ELEMENTWISE)
                .build();
    }

    /** Only the shape contract of attention: {@code q_in [B, T, d_model] -> out [B, T, d_model]}. */
    static BlockType attn() {
        return BlockType.builder("attn").category(BlockCategory.TRANSFORMER)
                .param(ParamSpec.integer("d_model", 256, 1, 1 << 16, "model width"))
                .input("q_in").input(PortSpec.optional("kv_in", DType.FLOAT32)).output("out")
                .shape(ctx -> {
                    String pattern = "[B, T, " + ctx.params().getLong("d_model") + "]";
                    if (ctx.expect("q_in", pattern)) {
                        ctx.output("out", ctx.shape(DType.FLOAT32, pattern));
                    }
                })
                .build();
    }

    /** Sum of two matrices whose named dims must agree: {@code a [B, D], b [B, D]}. */
    static BlockType add() {
        return BlockType.builder("add").category(BlockCategory.CORE)
                .input("a").input("b").output("out")
                .shape(ctx -> {
                    if (ctx.expect("a", "[B, D]") && ctx.expect("b", "[B, D]")) {
                        ctx.output("out", ctx.shape(DType.FLOAT32, "[B, D]"));
                    }
                })
                .build();
    }

    /** Token embedding: int64 {@code [B, T] -> [B, T, dim]}. */
    static BlockType embed() {
        return BlockType.builder("embed").category(BlockCategory.CORE)
                .param(ParamSpec.integer("dim", 4, 1, 4096, "embedding width"))
                .input(PortSpec.of("tokens", DType.INT64)).output("out")
                .shape(ctx -> {
                    if (ctx.expect("tokens", DType.INT64, "[B, T]")) {
                        ctx.output("out", ctx.shape(DType.FLOAT32, "[B, T, " + ctx.params().getLong("dim") + "]"));
                    }
                })
                .build();
    }

    /** A loss over any prediction, with an optional target. */
    static BlockType loss() {
        return BlockType.builder("loss").category(BlockCategory.LOSS).role(BlockType.Role.LOSS)
                .input("pred").input(PortSpec.optional("target", DType.ANY)).output("loss")
                .shape(ctx -> {
                    if (ctx.expect("pred", "[B, *]")) {
                        ctx.output("loss", ctx.shape(DType.FLOAT32, "[]"));
                    }
                })
                .estimator((p, in, out) -> Estimate.ZERO)
                .build();
    }

    private static long bytes(TensorType t) {
        return t.elementsPerExample(1) * t.dtype().bytes();
    }
}
