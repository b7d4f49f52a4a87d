package dev.tensorloom.execution.session;

/**
 * A small row-major float copy of a tensor viewed as a matrix, at most 64 × 64 values, taken with a
 * regular stride so it keeps the tensor's overall pattern.
 *
 * @param shape the full tensor's shape
 * @param rows  rows of the preview
 * @param cols  columns of the preview
 */
public record Preview(long[] shape, int rows, int cols, float[] values) {
    public static final int MAX_SIDE = 64;

    public float at(int row, int col) {
        return values[row * cols + col];
    }
}
