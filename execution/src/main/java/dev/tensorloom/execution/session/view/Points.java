package dev.tensorloom.execution.session.view;

/** Points in the plane, row-major (x0, y0, x1, y1, …): the first two features of a set of vectors. */
public record Points(float[] xy) {
    public Points {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("points need an even number of values, got " + xy.length);
        }
    }

    /**
     * The first two features of each of the first {@code limit} rows of a row-major [rows, dims] matrix
     * (y is 0 when there is one feature).
     */
    public static Points firstTwo(float[] rowMajor, int dims, int limit) {
        int rows = Math.min(limit, dims == 0 ? 0 : rowMajor.length / dims);
        float[] xy = new float[2 * rows];
        for (int i = 0; i < rows; i++) {
            xy[2 * i] = rowMajor[i * dims];
            xy[2 * i + 1] = dims > 1 ? rowMajor[i * dims + 1] : 0f;
        }
        return new Points(xy);
    }

    public int count() {
        return xy.length / 2;
    }

    public float x(int i) {
        return xy[2 * i];
    }

    public float y(int i) {
        return xy[2 * i + 1];
    }
}
