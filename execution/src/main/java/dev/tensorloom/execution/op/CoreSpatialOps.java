package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.initializer.UniformInitializer;
import dev.tensorloom.model.catalog.Params;

/** Ops for {@code conv2d}, {@code maxpool2d}, {@code avgpool2d} and {@code adaptive_avgpool2d}. */
final class CoreSpatialOps {
    private CoreSpatialOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("conv2d", Conv2dOp::new);
        registry.register("maxpool2d", params -> {
            Window w = new Window(params);
            return (ctx, inputs) -> new NDList(Pool.maxPool2d(inputs.get(0), w.kernel, w.stride, w.padding, false));
        });
        registry.register("avgpool2d", params -> {
            Window w = new Window(params);
            // count_include_pad = true, PyTorch's default: padded zeros count in the average.
            return (ctx, inputs) -> new NDList(Pool.avgPool2d(inputs.get(0), w.kernel, w.stride, w.padding, false, true));
        });
        registry.register("adaptive_avgpool2d", params -> {
            long s = params.getLong("output_size");
            // DJL's API has no adaptive pooling; the PyTorch engine's native one splits H and W into s
            // near-equal bins exactly as torch.nn.AdaptiveAvgPool2d does.
            return (ctx, inputs) -> new NDList(JniUtils.adaptiveAvgPool((PtNDArray) inputs.get(0), new Shape(s, s)));
        });
    }

    /** Square kernel, stride and padding of a sliding window, as DJL shapes. */
    private static final class Window {
        final Shape kernel;
        final Shape stride;
        final Shape padding;

        Window(Params params) {
            long k = params.getLong("kernel");
            long s = params.getLong("stride");
            long p = params.getLong("padding");
            kernel = new Shape(k, k);
            stride = new Shape(s, s);
            padding = new Shape(p, p);
        }
    }

    /** 2-D convolution with PyTorch's default init: weight and bias uniform in ±1/sqrt(in·k·k). */
    static final class Conv2dOp implements BlockOp {
        private final Window window;
        private final long inChannels;
        private final long outChannels;
        private final long kernel;
        private final boolean bias;

        Conv2dOp(Params params) {
            window = new Window(params);
            inChannels = params.getLong("in_channels");
            outChannels = params.getLong("out_channels");
            kernel = params.getLong("kernel");
            bias = params.getBool("bias");
        }

        @Override
        public void initialize(ParameterInit init, Shape[] inputShapes) {
            long in = CoreLayerOps.resolveFeatures("in_channels", inChannels, inputShapes[0].get(1));
            UniformInitializer uniform = new UniformInitializer((float) (1 / Math.sqrt(in * kernel * kernel)));
            init.parameter("weight", new Shape(outChannels, in, kernel, kernel), uniform);
            if (bias) {
                init.parameter("bias", new Shape(outChannels), uniform);
            }
        }

        @Override
        public NDList forward(OpContext ctx, NDList inputs) {
            NDArray b = bias ? ctx.param("bias") : null;
            return Conv2d.conv2d(inputs.get(0), ctx.param("weight"), b, window.stride, window.padding, new Shape(1, 1), 1);
        }
    }
}
