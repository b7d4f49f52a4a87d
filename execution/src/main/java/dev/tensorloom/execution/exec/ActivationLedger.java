package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Exact count of the bytes of arrays the executor holds: sum of element count times element size. */
public final class ActivationLedger {
    private long held;
    private long peak;

    public static long bytes(NDArray array) {
        return array == null ? 0 : array.size() * array.getDataType().getNumOfBytes();
    }

    public static long bytes(NDList list) {
        long total = 0;
        for (NDArray a : list) {
            total += bytes(a);
        }
        return total;
    }

    void add(long bytes) {
        held += bytes;
        peak = Math.max(peak, held);
    }

    void remove(long bytes) {
        held -= bytes;
    }

    public long held() {
        return held;
    }

    public long peak() {
        return peak;
    }
}
