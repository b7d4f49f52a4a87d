package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** shapes16, stick-figures and glyph-faces: fields, value ranges, geometry and identity semantics. */
class GalleryDatasetsTest {
    private final DatasetRegistry registry = DatasetRegistry.standard();

    @Test
    void shapesAreWhiteOnBlackAndTheCentreOfEveryShapeIsLit() {
        HostBatch b = registry.get("shapes16").generator(Map.of(), 0).generate(new DataRandom(3), 40);
        assertArrayEquals(new long[] {40, 1, 16, 16}, b.get("image").shape());
        float[] img = b.get("image").floats();
        for (float v : img) {
            assertTrue(v >= -1 && v <= 1);
        }
        for (int label = 0; label < 4; label++) {
            SoftRaster canvas = new SoftRaster(16, 0f);
            canvas.paint(ShapeClassesGenerator.shape(label, 8, 8, 5), 1f);
            assertEquals(1f, canvas.pixels()[7 * 16 + 7], 1e-6, ShapeClassesGenerator.CLASSES.get(label));
            assertEquals(0f, canvas.pixels()[0], 1e-6, "corner stays black");
        }
        SoftRaster triangle = new SoftRaster(16, 0f);
        triangle.paint(ShapeClassesGenerator.shape(3, 8, 8, 6), 1f);
        assertEquals(0f, triangle.pixels()[3 * 16 + 3], 1e-6, "upper-left corner of the box is outside the triangle");
        assertEquals(1f, triangle.pixels()[13 * 16 + 3], 1e-6, "lower-left is inside");
    }

    @Test
    void stickFigureJointsLieInsideThePictureOnTheDrawnLimbs() {
        HostBatch b = registry.get("stick-figures").generator(Map.of("occluded", 0.0), 0).generate(new DataRandom(4), 20);
        assertArrayEquals(new long[] {20, 11, 2}, b.get("keypoints").shape());
        float[] k = b.get("keypoints").floats();
        float[] img = b.get("image").floats();
        for (int n = 0; n < 20; n++) {
            for (int j = 0; j < 11; j++) {
                float x = k[(n * 11 + j) * 2];
                float y = k[(n * 11 + j) * 2 + 1];
                assertTrue(x > 0 && x < 1 && y > 0 && y < 1);
            }
            // neck (joint 1) sits on the bright torso
            int px = (int) (k[(n * 11 + 1) * 2] * 64);
            int py = (int) (k[(n * 11 + 1) * 2 + 1] * 64);
            assertTrue(img[n * 4096 + py * 64 + px] > 0.4, "neck pixel is on a limb");
        }
    }

    /**
     * With every figure occluded the same poses come out (the occluder's draws are made either way), and
     * in each picture some joint's pixel shows the box's grey (0.2–0.4, noise ±0.05) and differs from the
     * same picture without the occluder.
     */
    @Test
    void occludedFiguresKeepTheirPosesAndHideAJointUnderAGreyBox() {
        HostBatch clear = new StickFigureGenerator(64, 0).generate(new DataRandom(8), 20);
        HostBatch hidden = new StickFigureGenerator(64, 1).generate(new DataRandom(8), 20);
        assertArrayEquals(clear.get("keypoints").floats(), hidden.get("keypoints").floats());
        float[] k = hidden.get("keypoints").floats();
        float[] with = hidden.get("image").floats();
        float[] without = clear.get("image").floats();
        for (int n = 0; n < 20; n++) {
            boolean covered = false;
            for (int j = 0; j < 11; j++) {
                int i = n * 4096 + (int) (k[(n * 11 + j) * 2 + 1] * 64) * 64 + (int) (k[(n * 11 + j) * 2] * 64);
                covered |= with[i] > 0.14 && with[i] < 0.46 && Math.abs(with[i] - without[i]) > 0.05;
            }
            assertTrue(covered, "figure " + n + " has a joint under the occluder");
        }
    }

    @Test
    void glyphFaceIdentitiesAreFixedByNumberAndDiffer() {
        GlyphFaceGenerator first = new GlyphFaceGenerator(32, 10, 0);
        GlyphFaceGenerator shifted = new GlyphFaceGenerator(32, 10, 5);
        assertArrayEquals(first.picture(7, new DataRandom(1)), shifted.picture(2, new DataRandom(1)),
                "label 7 from 0 and label 2 from 5 are identity 7");
        float[] a = first.picture(0, new DataRandom(1));
        float[] b = first.picture(1, new DataRandom(1));
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += Math.abs(a[i] - b[i]);
        }
        assertTrue(diff / a.length > 0.02, "two identities under the same view look different");
        assertFalse(java.util.Arrays.equals(a, first.picture(0, new DataRandom(2))), "views vary");
        HostBatch batch = registry.open("glyph-faces?identities=10", 1).next(8);
        for (long l : batch.get("label").longs()) {
            assertTrue(l >= 0 && l < 10);
        }
    }
}
