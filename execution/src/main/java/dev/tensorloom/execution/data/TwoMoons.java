package dev.tensorloom.execution.data;

/**
 * Two interleaving half circles as in scikit-learn's {@code make_moons}: upper moon
 * {@code (cos t, sin t)} (label 0), lower moon {@code (1 - cos t, 0.5 - sin t)} (label 1),
 * {@code t ~ U[0, pi]}, plus Gaussian noise; then standardised with the exact noise-free moments
 * (mean (0.5, 0.25), std (sqrt(3)/2, 0.494)), so each coordinate has mean 0 and std about 1.
 */
public final class TwoMoons implements PointSampler {
    static final double MEAN_X = 0.5;
    static final double MEAN_Y = 0.25;
    static final double STD_X = Math.sqrt(0.75);
    /** Var y = E[y^2] - 1/16 with E[y^2] = (1/2 + 3/4 - 2/pi) / 2 over the two moons. */
    static final double STD_Y = Math.sqrt((0.5 + 0.75 - 2 / Math.PI) / 2 - 0.0625);

    private final double noise;

    public TwoMoons(double noise) {
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        this.noise = noise;
    }

    @Override
    public int sample(DataRandom random, double[] xy) {
        int moon = random.nextInt(2);
        double t = random.nextDouble() * Math.PI;
        double x = moon == 0 ? Math.cos(t) : 1 - Math.cos(t);
        double y = moon == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
        x += noise * random.nextGaussian();
        y += noise * random.nextGaussian();
        xy[0] = (x - MEAN_X) / STD_X;
        xy[1] = (y - MEAN_Y) / STD_Y;
        return moon;
    }

    @Override
    public int labelCount() {
        return 2;
    }
}
