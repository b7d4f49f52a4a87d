package dev.tensorloom.execution.data;

import java.util.SplittableRandom;

/**
 * The random numbers behind every generator. Built on {@link SplittableRandom}, whose algorithm is
 * specified, with our own Gaussian so the sequence never depends on the JDK's default method.
 */
public final class DataRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final SplittableRandom random;
    private double spareGaussian = Double.NaN;

    public DataRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * The generator for batch {@code index} of stream {@code stream} under {@code seed}: each batch
     * has its own generator, so batch k is the same whatever the sizes of the batches before it.
     */
    public static DataRandom forBatch(long seed, long stream, long index) {
        long base = mix(seed ^ mix(stream * GOLDEN + 1));
        return new DataRandom(mix(base + index * GOLDEN));
    }

    /** SplitMix64 finaliser: spreads nearby seeds far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in {@code [from, to)}. */
    public int nextInt(int from, int to) {
        return random.nextInt(from, to);
    }

    /** Uniform in {@code [0, 1)}. */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in {@code [from, to)}. */
    public double nextDouble(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** Standard normal by the Marsaglia polar method (pairs; the second value is kept for the next call). */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        return u * f;
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    /** A seed for a derived generator (for fixed weights drawn once per dataset instance). */
    public long nextLong() {
        return random.nextLong();
    }
}
