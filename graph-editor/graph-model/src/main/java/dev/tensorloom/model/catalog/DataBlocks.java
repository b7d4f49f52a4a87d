package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.ShapePattern;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;
import java.util.Map;

/** The Data block types of the built-in library: the {@code input} source that feeds a dataset field. */
final class DataBlocks {
    private DataBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(BlockType.builder("input")
                .title("Input")
                .category(BlockCategory.DATA)
                .description("Feeds one field of the dataset's batch into the graph.")
                .role(BlockType.Role.SOURCE)
                .output(PortSpec.of("out", DType.ANY))
                .param(ParamSpec.text("field", "x", "Dataset field to read, e.g. x, y or tokens."))
                .param(ParamSpec.text("shape", "[B, 16]", "Shape of the field; starts with the batch B, names stay symbolic."))
                .param(ParamSpec.choice("dtype", "float32", List.of("float32", "int64"),
                        "Element type: float32 for features, int64 for token ids and class labels."))
                .shape(DataBlocks::inferInput)
                .estimator((params, inputs, outputs) -> new Estimate(0, 0, CoreEstimates.outputBytes(outputs),
                        outputs.values().stream().allMatch(TensorType::isConcreteAfterBatch)))
                .build());
    }

    private static void inferInput(ShapeContext ctx) {
        DType dtype = "int64".equals(ctx.params().getString("dtype")) ? DType.INT64 : DType.FLOAT32;
        String text = ctx.params().getString("shape");
        TensorType type;
        try {
            type = ShapePattern.parse(text).instantiate(dtype, Map.of(), Map.of());
        } catch (IllegalArgumentException e) {
            ctx.error("out", e.getMessage());
            return;
        }
        if (type.rank() == 0 || !type.dim(0).equals(Dim.sym("B"))) {
            ctx.error("out", "shape '" + text + "' must start with the batch dimension B, e.g. [B, 16]");
            return;
        }
        for (Dim d : type.dims()) {
            if (d instanceof Dim.Sym s && !s.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                ctx.error("out", "shape '" + text + "' has '" + s.name() + "'; use sizes or plain names such as T");
                return;
            }
            if (d instanceof Dim.Fixed f && f.size() < 1) {
                ctx.error("out", "shape '" + text + "' has size " + f.size() + "; sizes are at least 1");
                return;
            }
        }
        ctx.output("out", type);
    }
}
