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
 * The one catalog of small stand-in blocks that tests of every module build graphs from, so that they do
 * not depend on the real block families: simple shape rules, and estimators whose values a test can
 * compute by hand. Execution's tests give these types DJL ops of their own ({@code TestOps}); other
 * modules' tests get this class through graph-model's test-jar.
 */
public final class TestBlocks {
    private TestBlocks() {
    }

    /**
     * Sources {@code src}, {@code tokens} and {@code input}; layers {@code lin}, {@code relu}, {@code tanh},
     * {@code layernorm}, {@code dropout}, {@code const}, {@code divzero}, {@code attn}, {@code add},
     * {@code split2} and {@code embed}; losses {@code loss} and {@code mse}.
     */
    public static BlockCatalog catalog() {
        BlockCatalog c = new BlockCatalog();
        c.register(src());
        c.register(tokens());
        c.register(input());
        c.register(lin());
        c.register(elementwise("relu").build());
        c.register(elementwise("tanh").build());
        c.register(elementwise("layernorm").build());
        c.register(elementwise("dropout").param(ParamSpec.real("p", 0.5, 0, 0.99, "drop probability")).build());
        c.register(elementwise("const").build());
        c.register(elementwise("divzero").build());
        c.register(attn());
        c.register(add());
        c.register(split2());
        c.register(embed());
        c.register(loss());
        c.register(mse());
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

    /** A source of token ids: int64 {@code [B, T]}. */
    static BlockType tokens() {
        return BlockType.builder("tokens").category(BlockCategory.DATA).role(BlockType.Role.SOURCE)
                .output(PortSpec.of("out", DType.INT64))
                .shape(ctx -> ctx.output("out", ctx.shape(DType.INT64, "[B, T]")))
                .build();
    }

    /**
     * A dataset field named by its {@code field} parameter, whose type only the dataset knows: nothing
     * after it is shape-checked, as executor tests that feed batches by hand want.
     */
    static BlockType input() {
        return BlockType.builder("input").category(BlockCategory.DATA).role(BlockType.Role.SOURCE)
                .param(ParamSpec.text("field", "x", "dataset field"))
                .output("out")
                .shape(ctx -> { })
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

    /** A parameter-free layer whose output has its input's type, {@code in -> out}. */
    static BlockType.Builder elementwise(String id) {
        return BlockType.builder(id).category(BlockCategory.CORE)
                .input("in").output("out")
                .shape(ctx -> {
                    if (ctx.expect("in", "[*]")) {
                        ctx.output("out", ctx.input("in").orElseThrow());
                    }
                })
                .estimator(Estimator.ELEMENTWISE);
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

    /** Splits the second axis into two halves, {@code first} and {@code second}; their shapes are left unchecked. */
    static BlockType split2() {
        return BlockType.builder("split2").category(BlockCategory.CORE)
                .input("in").output("first").output("second")
                .shape(ctx -> { })
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

    /** Mean squared error of a prediction against a target of the same shape. */
    static BlockType mse() {
        return BlockType.builder("mse").category(BlockCategory.LOSS).role(BlockType.Role.LOSS)
                .input("pred").input("target").output("loss")
                .shape(ctx -> {
                    if (ctx.expect("pred", "[*d]") && ctx.expect("target", "[*d]")) {
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
