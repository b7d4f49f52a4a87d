package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.NormalInitializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import java.util.Random;

/**
 * The standard catalog and ops plus two test-only blocks that turn every block into something with a
 * gradient to compare: {@code shift} adds a trainable tensor of its input's full shape (its gradient is
 * exactly the gradient that reaches that input), and {@code probe_loss} is the mean squared distance of
 * any tensor to a fixed pseudo-random target of its shape. It stays apart from the shared stand-in catalog
 * ({@link dev.tensorloom.model.testing.TestBlocks}) because the parity tests are about the real blocks.
 */
final class ParityBlocks {
    static final String SHIFT = "parity_shift";
    static final String PROBE_LOSS = "parity_probe_loss";

    private ParityBlocks() {
    }

    static BlockCatalog catalog() {
        BlockCatalog c = BlockCatalog.standard();
        c.register(BlockType.builder(SHIFT).category(BlockCategory.CORE).role(BlockType.Role.LAYER)
                .input("in").output("out").shape(ctx -> { }).build());
        c.register(BlockType.builder(PROBE_LOSS).category(BlockCategory.LOSS).role(BlockType.Role.LOSS)
                .input("pred").output("loss").shape(ctx -> { }).build());
        return c;
    }

    static OpRegistry ops() {
        OpRegistry r = OpRegistry.standard();
        r.register(SHIFT, p -> new Shift());
        r.register(PROBE_LOSS, p -> new ProbeLoss());
        return r;
    }

    /** x + theta, theta of x's shape, small so that boxes stay boxes and probabilities stay in range. */
    private static final class Shift implements BlockOp {
        @Override
        public void initialize(ParameterInit init, Shape[] inputShapes) {
            init.parameter("theta", inputShapes[0], new NormalInitializer(0.02f));
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            return new NDList(inputs.get(0).add(ctx.param("theta")));
        }
    }

    /** mean((x - r)^2) with r drawn from a generator seeded by x's shape, the same in every pass. */
    private static final class ProbeLoss implements BlockOp {
        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray x = inputs.get(0);
            Random random = new Random(x.getShape().hashCode());
            float[] r = new float[Math.toIntExact(x.size())];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) random.nextGaussian();
            }
            NDArray target = ctx.manager().create(r, x.getShape()).toType(x.getDataType(), false);
            return new NDList(x.sub(target).square().mean());
        }
    }
}
