package dev.tensorloom.execution.data;

/**
 * Uniform density on the "black" squares of a 4 x 4 checkerboard covering {@code [-4, 4)^2} with
 * squares of side 2 (the FFJORD toy density): a point is black when
 * {@code floor(x / 2) + floor(y / 2)} is even.
 */
public final class Checkerboard implements PointSampler {
    /** Half the side of the board. */
    public static final double EXTENT = 4;
    private static final double SQUARE = 2;

    /** Whether {@code (x, y)} lies on a black square inside the board. */
    public static boolean isBlack(double x, double y) {
        if (x < -EXTENT || x >= EXTENT || y < -EXTENT || y >= EXTENT) {
            return false;
        }
        return Math.floorMod((long) Math.floor(x / SQUARE) + (long) Math.floor(y / SQUARE), 2) == 0;
    }

    @Override
    public int sample(DataRandom random, double[] xy) {
        int column = random.nextInt(4);
        // Two black squares per column: rows of the same parity as the column.
        int row = 2 * random.nextInt(2) + column % 2;
        xy[0] = -EXTENT + SQUARE * (column + random.nextDouble());
        xy[1] = -EXTENT + SQUARE * (row + random.nextDouble());
        return 0;
    }

    @Override
    public int labelCount() {
        return 0;
    }
}
