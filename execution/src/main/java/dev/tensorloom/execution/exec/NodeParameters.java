package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The trainable parameters and buffers of one node, by name in creation order. */
public final class NodeParameters {
    final Map<String, NDArray> parameters = new LinkedHashMap<>();
    final Map<String, NDArray> buffers = new LinkedHashMap<>();

    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public Map<String, NDArray> buffers() {
        return Collections.unmodifiableMap(buffers);
    }
}
