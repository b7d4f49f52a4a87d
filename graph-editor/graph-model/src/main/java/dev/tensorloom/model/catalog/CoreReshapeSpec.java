package dev.tensorloom.model.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The target of a {@code reshape} block: the dimensions after the batch, written {@code "16, 16"}, at
 * most one of them {@code -1} (inferred from the element count). Shared by the shape rule and the op.
 */
public record CoreReshapeSpec(List<Long> dims) {
    public CoreReshapeSpec {
        dims = List.copyOf(dims);
    }

    /** Parses the parameter text; throws {@link IllegalArgumentException} with a plain message. */
    public static CoreReshapeSpec parse(String text) {
        String body = text.trim();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1);
        }
        if (body.isBlank()) {
            throw new IllegalArgumentException("shape is empty; write the dimensions after the batch, e.g. '16, 16'");
        }
        List<Long> dims = new ArrayList<>();
        int inferred = 0;
        for (String raw : body.split(",")) {
            String t = raw.trim();
            long v;
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shape '" + text + "' has '" + t + "', which is not a whole number");
            }
            if (v == -1) {
                inferred++;
            } else if (v < 1) {
                throw new IllegalArgumentException("shape '" + text + "' has size " + v + "; sizes are at least 1 (or -1)");
            }
            dims.add(v);
        }
        if (inferred > 1) {
            throw new IllegalArgumentException("shape '" + text + "' has more than one -1");
        }
        return new CoreReshapeSpec(dims);
    }

    /** Product of the given sizes (the -1 left out). */
    public long knownProduct() {
        return dims.stream().filter(d -> d != -1).reduce(1L, Math::multiplyExact);
    }

    /** Index of the -1, or -1 when every size is given. */
    public int inferredIndex() {
        return dims.indexOf(-1L);
    }

    /** The concrete sizes for {@code elements} elements per example; throws when they do not fit. */
    public long[] resolve(long elements) {
        long known = knownProduct();
        long[] out = dims.stream().mapToLong(Long::longValue).toArray();
        int i = inferredIndex();
        if (i >= 0) {
            if (elements % known != 0) {
                throw new IllegalArgumentException(elements + " elements per example do not divide into " + this);
            }
            out[i] = elements / known;
        } else if (known != elements) {
            throw new IllegalArgumentException(elements + " elements per example cannot be reshaped to " + this
                    + " (" + known + " elements)");
        }
        return out;
    }

    @Override
    public String toString() {
        return "[B, " + dims.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + "]";
    }
}
