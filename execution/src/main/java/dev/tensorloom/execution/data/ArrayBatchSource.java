package dev.tensorloom.execution.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.model.shape.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link BatchSource} over any {@link HostBatchSource} (synthetic, CSV or image folder): copies
 * each host batch into float32 / int64 NDArrays in the caller's manager.
 */
public final class ArrayBatchSource implements BatchSource {
    private final HostBatchSource source;

    public ArrayBatchSource(HostBatchSource source) {
        this.source = source;
    }

    @Override
    public Map<String, NDArray> next(NDManager manager, int batchSize) {
        return toArrays(manager, source.next(batchSize));
    }

    @Override
    public List<Map<String, NDArray>> heldOut(NDManager manager) {
        List<Map<String, NDArray>> out = new ArrayList<>();
        for (HostBatch b : source.heldOut()) {
            out.add(toArrays(manager, b));
        }
        return out;
    }

    @Override
    public void seek(long batches, int batchSize) {
        source.seek(batches, batchSize);
    }

    public List<FieldSpec> fields() {
        return source.fields();
    }

    public HostBatchSource host() {
        return source;
    }

    /** Copies a host batch into NDArrays named by field, in field order. */
    public static Map<String, NDArray> toArrays(NDManager manager, HostBatch batch) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        batch.fields().forEach((name, a) -> out.put(name, toArray(manager, name, a)));
        return out;
    }

    /** Copies one host array into an NDArray of the same dtype and shape, named after its field. */
    public static NDArray toArray(NDManager manager, String name, HostArray a) {
        Shape shape = new Shape(a.shape());
        NDArray nd = a.dtype() == DType.INT64 ? manager.create(a.longs(), shape) : manager.create(a.floats(), shape);
        nd.setName(name);
        return nd;
    }
}
