package dev.tensorloom.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.ShapePattern;
import dev.tensorloom.model.shape.TensorType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs one block type's shape rule and estimator on hand-written types, for the catalog tests. */
final class CoreShapeHarness {
    static final BlockCatalog CATALOG = BlockCatalog.standard();

    private CoreShapeHarness() {
    }

    static TensorType f32(String pattern) {
        return type(DType.FLOAT32, pattern);
    }

    static TensorType type(DType dtype, String pattern) {
        return ShapePattern.parse(pattern).instantiate(dtype, Map.of(), Map.of());
    }

    /** Runs {@code typeId} on node "n" with inputs given as port → type pairs; each comes from "src.&lt;port&gt;". */
    static NodeShapeContext run(String typeId, Map<String, Object> params, Object... portTypes) {
        Map<String, TensorType> inputs = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < portTypes.length; i += 2) {
            inputs.put((String) portTypes[i], (TensorType) portTypes[i + 1]);
            sources.put((String) portTypes[i], "src." + portTypes[i]);
        }
        return new NodeShapeContext("n", CATALOG.require(typeId), params, inputs, sources).run();
    }

    /** Asserts the rule found no problem and returns the printed type of {@code port}. */
    static String out(NodeShapeContext ctx, String port) {
        assertTrue(ctx.problems().isEmpty(), () -> "unexpected problems " + ctx.problems());
        return ctx.outputs().get(port).toString();
    }

    /** Asserts exactly one problem and returns its message. */
    static String problem(NodeShapeContext ctx) {
        assertEquals(1, ctx.problems().size(), () -> "problems " + ctx.problems() + ", outputs " + ctx.outputs());
        assertTrue(ctx.outputs().isEmpty(), () -> "no outputs expected, got " + ctx.outputs());
        return ctx.problems().get(0).message();
    }

    /** The estimate of {@code typeId} for the given inputs, after running its shape rule for the outputs. */
    static Estimate estimate(String typeId, Map<String, Object> params, Object... portTypes) {
        NodeShapeContext ctx = run(typeId, params, portTypes);
        assertTrue(ctx.problems().isEmpty(), () -> "unexpected problems " + ctx.problems());
        Map<String, TensorType> inputs = new LinkedHashMap<>();
        for (int i = 0; i < portTypes.length; i += 2) {
            inputs.put((String) portTypes[i], (TensorType) portTypes[i + 1]);
        }
        BlockType type = CATALOG.require(typeId);
        return type.estimator().estimate(new Params(type, params), inputs, ctx.outputs());
    }
}
