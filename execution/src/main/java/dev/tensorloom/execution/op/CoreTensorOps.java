package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.model.catalog.CoreReshapeSpec;

/** Ops for flatten, reshape, concat, split, add and multiply. */
final class CoreTensorOps {
    private CoreTensorOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("flatten", params -> {
            int start = params.getInt("start_dim");
            return (ctx, inputs) -> {
                NDArray x = inputs.get(0);
                return new NDList(x.flatten(start, x.getShape().dimension() - 1));
            };
        });
        registry.register("reshape", params -> {
            CoreReshapeSpec spec = CoreReshapeSpec.parse(params.getString("shape"));
            return (ctx, inputs) -> {
                NDArray x = inputs.get(0);
                long batch = x.getShape().get(0);
                long[] rest = spec.resolve(x.size() / Math.max(batch, 1));
                long[] dims = new long[rest.length + 1];
                dims[0] = batch;
                System.arraycopy(rest, 0, dims, 1, rest.length);
                return new NDList(x.reshape(new Shape(dims)));
            };
        });
        registry.register("concat", params -> {
            long axis = params.getLong("axis");
            return (ctx, inputs) -> {
                NDArray a = inputs.get(0);
                return new NDList(a.concat(inputs.get(1), CoreArrays.axis(axis, a.getShape().dimension())));
            };
        });
        registry.register("split", params -> {
            long axis = params.getLong("axis");
            long size = params.getLong("split_size");
            return (ctx, inputs) -> {
                NDArray x = inputs.get(0);
                int ax = CoreArrays.axis(axis, x.getShape().dimension());
                long n = x.getShape().get(ax);
                long cut = size == 0 ? n / 2 : size;
                if (cut <= 0 || cut >= n) {
                    throw new IllegalArgumentException("cannot split " + n + " elements along axis " + ax + " at " + cut);
                }
                return x.split(new long[] {cut}, ax);
            };
        });
        registry.register("add", params -> (ctx, inputs) -> new NDList(inputs.get(0).add(inputs.get(1))));
        registry.register("multiply", params -> (ctx, inputs) -> new NDList(inputs.get(0).mul(inputs.get(1))));
    }
}
