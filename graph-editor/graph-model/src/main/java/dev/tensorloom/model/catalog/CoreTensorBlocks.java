package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.ArrayList;
import java.util.List;

/** Core blocks that rearrange or combine tensors: flatten, reshape, concat, split, add, multiply. */
final class CoreTensorBlocks {
    private static final long MAX_AXIS = 8;

    private CoreTensorBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(BlockType.builder("flatten")
                .title("Flatten")
                .category(BlockCategory.CORE)
                .description("Merges the dimensions from start_dim to the end into one.")
                .input(PortSpec.of("in", DType.ANY))
                .output(PortSpec.of("out", DType.ANY))
                .param(ParamSpec.integer("start_dim", 1, 1, MAX_AXIS, "First dimension to merge; the batch (0) is kept."))
                .shape(CoreTensorBlocks::inferFlatten)
                .estimator(CoreEstimates.perOutputElement(0))
                .build());
        catalog.register(BlockType.builder("reshape")
                .title("Reshape")
                .category(BlockCategory.CORE)
                .description("Gives each example a new shape with the same number of elements.")
                .input(PortSpec.of("in", DType.ANY))
                .output(PortSpec.of("out", DType.ANY))
                .param(ParamSpec.text("shape", "-1", "Dimensions after the batch, e.g. '16, 16'; one may be -1."))
                .shape(CoreTensorBlocks::inferReshape)
                .estimator(CoreEstimates.perOutputElement(0))
                .build());
        catalog.register(BlockType.builder("concat")
                .title("Concatenate")
                .category(BlockCategory.CORE)
                .description("Joins a and b along one axis; the other dimensions must agree.")
                .input(PortSpec.of("a", DType.ANY))
                .input(PortSpec.of("b", DType.ANY))
                .output(PortSpec.of("out", DType.ANY))
                .param(ParamSpec.integer("axis", -1, -MAX_AXIS, MAX_AXIS, "Axis to join along; negative counts from the end."))
                .shape(CoreTensorBlocks::inferConcat)
                .estimator(CoreEstimates.perOutputElement(0))
                .build());
        catalog.register(BlockType.builder("split")
                .title("Split")
                .category(BlockCategory.CORE)
                .description("Cuts the input in two along one axis.")
                .input(PortSpec.of("in", DType.ANY))
                .output(PortSpec.of("a", DType.ANY))
                .output(PortSpec.of("b", DType.ANY))
                .param(ParamSpec.integer("axis", -1, -MAX_AXIS, MAX_AXIS, "Axis to cut; negative counts from the end."))
                .param(ParamSpec.integer("split_size", 0, 0, 1L << 24, "Size of a; 0 cuts in half."))
                .shape(CoreTensorBlocks::inferSplit)
                .estimator(CoreEstimates.perOutputElement(0))
                .build());
        registerBinary(catalog, "add", "Add", "Element-wise sum a + b of two tensors of the same shape (residuals).");
        registerBinary(catalog, "multiply", "Multiply", "Element-wise product a · b of two tensors of the same shape (gates).");
    }

    private static void registerBinary(BlockCatalog catalog, String id, String title, String description) {
        catalog.register(BlockType.builder(id)
                .title(title)
                .category(BlockCategory.CORE)
                .description(description)
                .input("a")
                .input("b")
                .output("out")
                .shape(ctx -> {
                    if (ctx.expect("a", "[B, *]") && ctx.expect("b", CoreShapeMath.sameShapePattern(ctx.input("a").get(), -1))) {
                        ctx.output("out", ctx.input("a").get());
                    }
                })
                .estimator(CoreEstimates.perOutputElement(1))
                .build());
    }

    private static void inferFlatten(ShapeContext ctx) {
        if (!ctx.expect("in", DType.ANY, "[B, *]")) {
            return;
        }
        TensorType t = ctx.input("in").get();
        int start = ctx.params().getInt("start_dim");
        if (start >= t.rank()) {
            ctx.error("in", "start_dim " + start + " needs at least " + (start + 1) + " dimensions, got " + t);
            return;
        }
        List<Dim> dims = new ArrayList<>(t.dims().subList(0, start));
        dims.add(CoreShapeMath.product(t.dims().subList(start, t.rank())));
        ctx.output("out", t.withDims(dims));
    }

    private static void inferReshape(ShapeContext ctx) {
        CoreReshapeSpec spec;
        try {
            spec = CoreReshapeSpec.parse(ctx.params().getString("shape"));
        } catch (IllegalArgumentException e) {
            ctx.error("out", e.getMessage());
            return;
        }
        if (!ctx.expect("in", DType.ANY, "[B, *]")) {
            return;
        }
        TensorType t = ctx.input("in").get();
        List<Dim> rest = t.dims().subList(1, t.rank());
        List<Dim> dims = new ArrayList<>();
        dims.add(t.dim(0));
        if (t.isConcreteAfterBatch()) {
            long elements = t.elementsPerExample(1);
            try {
                for (long d : spec.resolve(elements)) {
                    dims.add(Dim.of(d));
                }
            } catch (IllegalArgumentException e) {
                ctx.error("in", "cannot reshape " + t + ": " + e.getMessage());
                return;
            }
        } else {
            for (long d : spec.dims()) {
                dims.add(d == -1 ? CoreShapeMath.product(rest).div(spec.knownProduct()) : Dim.of(d));
            }
        }
        ctx.output("out", t.withDims(dims));
    }

    private static void inferConcat(ShapeContext ctx) {
        if (!ctx.expect("a", DType.ANY, "[B, *]")) {
            return;
        }
        TensorType a = ctx.input("a").get();
        int axis = nonBatchAxis(ctx, "a", a);
        if (axis < 1 || !ctx.expect("b", a.dtype(), CoreShapeMath.sameShapePattern(a, axis))) {
            return;
        }
        TensorType b = ctx.input("b").get();
        ctx.output("out", withAxis(a, axis, a.dim(axis).plus(b.dim(axis))));
    }

    private static void inferSplit(ShapeContext ctx) {
        if (!ctx.expect("in", DType.ANY, "[B, *]")) {
            return;
        }
        TensorType t = ctx.input("in").get();
        int axis = nonBatchAxis(ctx, "in", t);
        if (axis < 1) {
            return;
        }
        Dim n = t.dim(axis);
        long size = ctx.params().getLong("split_size");
        Dim first;
        Dim second;
        if (size == 0) {
            if (n.isFixed() && n.sizeOr(0) % 2 != 0) {
                ctx.error("in", "cannot cut " + t + " in half along axis " + axis + " (odd size " + n + ")");
                return;
            }
            first = n.div(2);
            second = first;
        } else {
            if (n.isFixed() && size >= n.sizeOr(0)) {
                ctx.error("in", "split_size " + size + " leaves nothing for b from " + t + " along axis " + axis);
                return;
            }
            first = Dim.of(size);
            second = n.plus(-size);
        }
        ctx.output("a", withAxis(t, axis, first));
        ctx.output("b", withAxis(t, axis, second));
    }

    /** The {@code axis} parameter resolved against {@code t}; below 1, after an error, when it names the batch or nothing. */
    private static int nonBatchAxis(ShapeContext ctx, String port, TensorType t) {
        int axis = CoreShapeMath.axis(ctx.params().getLong("axis"), t.rank());
        if (axis < 1) {
            ctx.error(port, "axis " + ctx.params().getLong("axis") + " is the batch or outside " + t);
        }
        return axis;
    }

    private static TensorType withAxis(TensorType t, int axis, Dim d) {
        List<Dim> dims = new ArrayList<>(t.dims());
        dims.set(axis, d);
        return t.withDims(dims);
    }
}
