package dev.tensorloom.execution.data;

/**
 * A mixture of eight equal Gaussians with centres evenly spaced on a circle, as in the FFJORD toy
 * densities: centre k at {@code radius * (cos(2 pi k / 8), sin(2 pi k / 8))}, isotropic std
 * {@code std}; the label is the component k.
 */
public final class EightGaussians implements PointSampler {
    private final double radius;
    private final double std;

    public EightGaussians(double radius, double std) {
        if (!(radius > 0) || !(std > 0)) {
            throw new IllegalArgumentException("radius and std must be > 0, got " + radius + ", " + std);
        }
        this.radius = radius;
        this.std = std;
    }

    /** Centre of component {@code k}. */
    public double[] centre(int k) {
        double a = 2 * Math.PI * k / 8;
        return new double[] {radius * Math.cos(a), radius * Math.sin(a)};
    }

    @Override
    public int sample(DataRandom random, double[] xy) {
        int k = random.nextInt(8);
        double[] c = centre(k);
        xy[0] = c[0] + std * random.nextGaussian();
        xy[1] = c[1] + std * random.nextGaussian();
        return k;
    }

    @Override
    public int labelCount() {
        return 8;
    }
}
