package dev.tensorloom.execution.data;

import java.util.List;

/**
 * Face-like glyphs of synthetic identities for metric learning: {@code image} float32 [B, 1, S, S],
 * {@code label} int64 [B] in [0, identities). Label k shows identity {@code first_identity + k} (see
 * {@link GlyphFace}), so a second dataset with a different first identity holds only unseen people.
 * Every picture varies pose (rotation ±0.3 rad, shift ±2 px), scale (0.85–1.1) and lighting (gain
 * 0.7–1.3, a linear gradient, background shade, pixel noise).
 */
public final class GlyphFaceGenerator implements BatchGenerator {
    private static final double NOISE = 0.04;
    private final int size;
    private final int identities;
    private final long firstIdentity;
    private final GlyphFace[] faces;

    public GlyphFaceGenerator(int size, int identities, long firstIdentity) {
        if (size < 16 || identities < 1 || firstIdentity < 0) {
            throw new IllegalArgumentException("needs size >= 16, identities >= 1, first_identity >= 0");
        }
        this.size = size;
        this.identities = identities;
        this.firstIdentity = firstIdentity;
        this.faces = new GlyphFace[identities];
    }

    /** Picture side in pixels. */
    public int size() {
        return size;
    }

    /** How many identities the labels name. */
    public int identities() {
        return identities;
    }

    /** The identity label 0 shows. */
    public long firstIdentity() {
        return firstIdentity;
    }

    @Override
    public List<FieldSpec> fields() {
        return LabelledImages.fields(size, "face glyph, about −0.5 to 0.7", "identity index in [0, identities)");
    }

    @Override
    public HostBatch generate(DataRandom random, int batchSize) {
        return LabelledImages.generate(random, batchSize, size, identities, (r, label) -> render(face(label), r));
    }

    /** One picture of identity {@code label} (index within this dataset) under a random view. */
    public float[] picture(int label, DataRandom random) {
        return render(face(label), random);
    }

    private synchronized GlyphFace face(int label) {
        if (faces[label] == null) {
            faces[label] = GlyphFace.of(firstIdentity + label);
        }
        return faces[label];
    }

    private float[] render(GlyphFace face, DataRandom random) {
        double unit = size / 32.0;
        double angle = random.nextDouble(-0.3, 0.3);
        double scale = unit * random.nextDouble(0.85, 1.1);
        double cx = size / 2.0 + unit * random.nextDouble(-2, 2);
        double cy = size / 2.0 + unit * random.nextDouble(-2, 2);
        SoftRaster canvas = new SoftRaster(size, (float) random.nextDouble(0.0, 0.3));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (GlyphFace.Part part : face.parts()) {
            SoftRaster.Shape s = part.shape();
            canvas.paint((x, y) -> {
                double dx = (x - cx) / scale;
                double dy = (y - cy) / scale;
                return scale * s.distance(cos * dx + sin * dy, -sin * dx + cos * dy);
            }, part.value());
        }
        double gain = random.nextDouble(0.7, 1.3);
        double slope = random.nextDouble(-0.3, 0.3);
        double dir = random.nextDouble(0, 2 * Math.PI);
        float[] p = canvas.pixels();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double ramp = slope * ((x - size / 2.0) * Math.cos(dir) + (y - size / 2.0) * Math.sin(dir)) / size;
                int i = y * size + x;
                p[i] = (float) (gain * p[i] + ramp + random.nextDouble(-NOISE, NOISE) - 0.5);
            }
        }
        return p;
    }
}
