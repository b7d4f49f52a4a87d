package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.view.FlowSamples;
import dev.tensorloom.execution.session.view.LatentScatter;
import dev.tensorloom.execution.session.view.Points;
import java.util.List;
import java.util.Random;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A normalizing flow's two pictures: a flow step's z against draws of the standard normal its last step
 * should reach, and samples (noise through the inverse) against the training data.
 */
public final class FlowViewModel {
    /** Draws of the reference N(0, I): as many as the run sends of z, so the clouds compare fairly. */
    static final int REFERENCE_POINTS = 512;
    private static final Points REFERENCE = standardNormal(REFERENCE_POINTS, 7);

    private final ReadOnlyObjectWrapper<Scatter> latent = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Scatter> samples = new ReadOnlyObjectWrapper<>();

    void showLatent(LatentScatter z) {
        latent.set(z == null ? null : Scatter.of(
                String.format("z of %s vs N(0, I) · step %d", z.nodeId(), z.step()), "z₁", "z₂",
                List.of(new Scatter.Series("N(0, I)", Scatter.Role.REFERENCE, REFERENCE),
                        new Scatter.Series("z (" + z.z().count() + " of the batch)", Scatter.Role.MODEL, z.z()))));
    }

    void showSamples(FlowSamples s) {
        samples.set(Scatter.of(String.format("samples vs data · step %d", s.step()), "x₁", "x₂",
                List.of(new Scatter.Series("data", Scatter.Role.DATA, s.data()),
                        new Scatter.Series("samples (inverse of N(0, I))", Scatter.Role.MODEL, s.samples()))));
    }

    void clear() {
        latent.set(null);
        samples.set(null);
    }

    /** Seeded Gaussian draws, the same every time so the reference does not flicker. */
    static Points standardNormal(int count, long seed) {
        Random r = new Random(seed);
        float[] xy = new float[2 * count];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (float) r.nextGaussian();
        }
        return new Points(xy);
    }

    /** The watched flow step's z next to the reference, or null when the node is no flow step. */
    public ReadOnlyObjectProperty<Scatter> latentProperty() {
        return latent.getReadOnlyProperty();
    }

    /** The newest flow samples next to the data, or null before the first are drawn. */
    public ReadOnlyObjectProperty<Scatter> samplesProperty() {
        return samples.getReadOnlyProperty();
    }
}
