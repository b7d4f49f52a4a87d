package dev.tensorloom.execution.data;

/** Draws one point of a 2-D density, for the density-estimation and flow templates. */
public interface PointSampler {

    /** Writes a point into {@code xy[0..1]} and returns its component label (0 when there is none). */
    int sample(DataRandom random, double[] xy);

    /** Number of distinct labels {@link #sample} returns; 0 when the density has no components. */
    int labelCount();
}
