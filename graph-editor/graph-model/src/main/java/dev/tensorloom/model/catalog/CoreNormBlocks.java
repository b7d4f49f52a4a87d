package dev.tensorloom.model.catalog;


/** Core regularisation and normalisation blocks: dropout, layernorm, rmsnorm, batchnorm, groupnorm. */
final class CoreNormBlocks {
    /** Rough operations per element of a normalisation: mean, variance, subtract, divide, scale, shift. */
    private static final double NORM_FLOPS = 6;

    private CoreNormBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(BlockType.builder("dropout")
                .title("Dropout")
                .category(BlockCategory.CORE)
                .description("Zeroes each element with probability p while training; identity in evaluation.")
                .input("in")
                .output("out")
                .param(ParamSpec.real("p", 0.1, 0, 0.99, "Probability of dropping an element (below 1)."))
                .shape(CoreNormBlocks::sameShape)
                .estimator(CoreEstimates.perOutputElement(2))
                .build());
        catalog.register(BlockType.builder("layernorm")
                .title("Layer norm")
                .category(BlockCategory.CORE)
                .description("Normalises the last dimension to zero mean and unit variance, then scales and shifts.")
                .input("in")
                .output("out")
                .param(ParamSpec.real("eps", 1e-5, 0, 1, "Added to the variance for stability."))
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, *, D]")) {
                        ctx.output("out", ctx.input("in").get());
                    }
                })
                .estimator(affine(-1, 2))
                .build());
        catalog.register(BlockType.builder("rmsnorm")
                .title("RMS norm")
                .category(BlockCategory.CORE)
                .description("Divides the last dimension by its root mean square, then scales: x / sqrt(mean(x²) + eps) · w.")
                .input("in")
                .output("out")
                .param(ParamSpec.real("eps", 1e-6, 0, 1, "Added to the mean square for stability."))
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, *, D]")) {
                        ctx.output("out", ctx.input("in").get());
                    }
                })
                .estimator(affine(-1, 1))
                .build());
        catalog.register(BlockType.builder("batchnorm")
                .title("Batch norm")
                .category(BlockCategory.CORE)
                .description("Normalises each channel (dimension 1) over the batch; running statistics in evaluation.")
                .input("in")
                .output("out")
                .param(ParamSpec.real("momentum", 0.1, 0, 1, "Weight of the current batch in the running statistics."))
                .param(ParamSpec.real("eps", 1e-5, 0, 1, "Added to the variance for stability."))
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, C, *]")) {
                        ctx.output("out", ctx.input("in").get());
                    }
                })
                .estimator(affine(1, 2))
                .build());
        catalog.register(BlockType.builder("groupnorm")
                .title("Group norm")
                .category(BlockCategory.CORE)
                .description("Normalises groups of channels of each example, then scales and shifts per channel.")
                .input("in")
                .output("out")
                .param(ParamSpec.integer("groups", 8, 1, 1L << 16, "Number of channel groups; must divide the channels."))
                .param(ParamSpec.real("eps", 1e-5, 0, 1, "Added to the variance for stability."))
                .shape(CoreNormBlocks::inferGroupNorm)
                .estimator(affine(1, 2))
                .build());
    }

    private static void sameShape(ShapeContext ctx) {
        if (ctx.expect("in", "[B, *]")) {
            ctx.output("out", ctx.input("in").get());
        }
    }

    private static void inferGroupNorm(ShapeContext ctx) {
        if (!ctx.expect("in", "[B, C, *]")) {
            return;
        }
        long groups = ctx.params().getLong("groups");
        long channels = ctx.dim("C").sizeOr(-1);
        if (channels > 0 && channels % groups != 0) {
            ctx.error("in", "channels " + channels + " of " + ctx.input("in").get()
                    + " do not divide into " + groups + " groups");
            return;
        }
        ctx.output("out", ctx.input("in").get());
    }

    /**
     * {@code vectors} learned vectors as long as the input's dimension {@code axis} (the normalised
     * features or channels), and {@link #NORM_FLOPS} operations per element.
     */
    private static Estimator affine(int axis, int vectors) {
        return (params, inputs, outputs) -> new Estimate(vectors * CoreEstimates.inputDim(inputs, "in", axis, 1),
                NORM_FLOPS * CoreEstimates.outputElements(outputs), CoreEstimates.outputBytes(outputs),
                CoreEstimates.exact(inputs, "in", outputs));
    }
}
