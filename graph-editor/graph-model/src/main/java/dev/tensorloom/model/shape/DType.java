package dev.tensorloom.model.shape;

/** Element type flowing through a port. {@code ANY} accepts either (for ports such as reshape's input). */
public enum DType {
    FLOAT32(4), INT64(8), ANY(4);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element, used by the activation-memory estimates. */
    public int bytes() {
        return bytes;
    }

    /** Whether a value of type {@code actual} may flow into a port declared as this type. */
    public boolean accepts(DType actual) {
        return this == ANY || actual == ANY || this == actual;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
