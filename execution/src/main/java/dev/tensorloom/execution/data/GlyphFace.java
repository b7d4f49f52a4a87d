package dev.tensorloom.execution.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed look of one synthetic identity: face outline, ears, hair, eyes, brows, nose and mouth, each
 * with identity-specific size, position and shade, drawn in a face frame centred at the origin (units:
 * pixels of a 32-pixel picture). Identity {@code n} is the same whatever dataset or seed asks for it.
 */
final class GlyphFace {
    private static final long IDENTITY_SALT = 0xFACEL;

    /** One painted part: a shape in face coordinates and its shade. */
    record Part(SoftRaster.Shape shape, float value) {
    }

    private final List<Part> parts;

    private GlyphFace(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    List<Part> parts() {
        return parts;
    }

    /** The face of identity {@code identity}. */
    static GlyphFace of(long identity) {
        DataRandom r = DataRandom.forBatch(IDENTITY_SALT, 0, identity);
        List<Part> parts = new ArrayList<>();
        double a = r.nextDouble(7.5, 10.5);
        double b = r.nextDouble(9.5, 12.5);
        float skin = (float) r.nextDouble(0.5, 0.9);
        if (r.nextBoolean()) {
            double earR = r.nextDouble(1.5, 2.8);
            double earY = r.nextDouble(-2, 1);
            parts.add(new Part(SoftRaster.union(SoftRaster.disc(-a, earY, earR), SoftRaster.disc(a, earY, earR)), skin));
        }
        parts.add(new Part(ellipse(a, b), skin));
        int hair = r.nextInt(3);
        if (hair > 0) {
            double line = -b * r.nextDouble(0.35, 0.75);
            float shade = r.nextBoolean() ? (float) r.nextDouble(0.0, 0.25) : (float) r.nextDouble(0.95, 1.2);
            SoftRaster.Shape outline = ellipse(a + 1.2, b + 1.2);
            SoftRaster.Shape cap = (x, y) -> Math.max(outline.distance(x, y), y - line);
            SoftRaster.Shape style = hair == 1 ? cap : SoftRaster.union(cap,
                    (x, y) -> Math.max(outline.distance(x, y), Math.min(a - 1.5 - Math.abs(x), 0) + Math.max(y - 2, 0)));
            parts.add(new Part(style, shade));
        }
        double eyeX = r.nextDouble(2.8, 5.0);
        double eyeY = r.nextDouble(-4.0, -1.0);
        boolean round = r.nextBoolean();
        double eyeSize = r.nextDouble(0.9, 1.9);
        float eyeShade = (float) r.nextDouble(0.0, 0.2);
        for (int side : new int[] {-1, 1}) {
            parts.add(new Part(round ? SoftRaster.disc(side * eyeX, eyeY, eyeSize)
                    : SoftRaster.box(side * eyeX, eyeY, eyeSize + 0.6, 0.55), eyeShade));
        }
        if (r.nextDouble() < 0.6) {
            double lift = r.nextDouble(2.0, 3.2);
            double tilt = r.nextDouble(-0.5, 0.5);
            for (int side : new int[] {-1, 1}) {
                double cx = side * eyeX;
                double cy = eyeY - lift;
                double dx = 1.6;
                double dy = side * tilt * dx;
                parts.add(new Part(SoftRaster.segment(cx - dx, cy - dy, cx + dx, cy + dy, 0.45), 0.1f));
            }
        }
        double noseLength = r.nextDouble(1.5, 4.5);
        double noseTip = r.nextDouble(-1.5, 1.5);
        parts.add(new Part(SoftRaster.segment(0, eyeY + 1, noseTip, eyeY + 1 + noseLength, 0.5), skin - 0.3f));
        double mouthY = r.nextDouble(4.0, 7.5);
        double mouthHalf = r.nextDouble(2.0, 5.5);
        double curve = r.nextDouble(-2.0, 2.0);
        SoftRaster.Shape mouth = null;
        int pieces = 6;
        for (int i = 0; i < pieces; i++) {
            double u0 = -mouthHalf + 2 * mouthHalf * i / pieces;
            double u1 = -mouthHalf + 2 * mouthHalf * (i + 1) / pieces;
            SoftRaster.Shape s = SoftRaster.segment(u0, mouthY + curve * sq(u0 / mouthHalf), u1,
                    mouthY + curve * sq(u1 / mouthHalf), 0.55);
            mouth = mouth == null ? s : SoftRaster.union(mouth, s);
        }
        parts.add(new Part(mouth, 0.05f));
        return new GlyphFace(parts);
    }

    private static double sq(double v) {
        return v * v;
    }

    /** An approximate signed distance to an axis-aligned ellipse with semi-axes a, b. */
    static SoftRaster.Shape ellipse(double a, double b) {
        return (x, y) -> (Math.sqrt(sq(x / a) + sq(y / b)) - 1) * Math.min(a, b);
    }
}
