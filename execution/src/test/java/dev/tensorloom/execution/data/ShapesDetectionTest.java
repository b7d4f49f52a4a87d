package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapesDetectionTest {
    private static final int S = 64;
    private static final int M = 4;

    @Test
    void fieldsHaveTheDocumentedShapes() {
        HostBatch b = DatasetRegistry.standard().open("shapes-detection", Map.of(), 1).next(2);
        assertArrayEquals(new long[] {2, 3, S, S}, b.get("image").shape());
        assertArrayEquals(new long[] {2, M, 4}, b.get("boxes").shape());
        assertArrayEquals(new long[] {2, M}, b.get("labels").shape());
        assertArrayEquals(new long[] {2}, b.get("count").shape());
    }

    @Test
    void boxesAreExactlyTheExtentsOfThePixelsOfEachObjectsColour() {
        DataRandom r = new DataRandom(21);
        int[] objectCounts = new int[M + 1];
        int[] classCounts = new int[2];
        for (int n = 0; n < 40; n++) {
            ShapesScene scene = ShapesScene.draw(r, S, M);
            float[] img = scene.image();
            List<ShapesScene.DrawnObject> objects = scene.objects();
            objectCounts[objects.size()]++;
            for (ShapesScene.DrawnObject o : objects) {
                classCounts[o.label()]++;
                int x1 = S;
                int y1 = S;
                int x2 = 0;
                int y2 = 0;
                int pixels = 0;
                for (int y = 0; y < S; y++) {
                    for (int x = 0; x < S; x++) {
                        int p = y * S + x;
                        if (img[p] == o.colour()[0] && img[S * S + p] == o.colour()[1]
                                && img[2 * S * S + p] == o.colour()[2]) {
                            x1 = Math.min(x1, x);
                            y1 = Math.min(y1, y);
                            x2 = Math.max(x2, x + 1);
                            y2 = Math.max(y2, y + 1);
                            pixels++;
                        }
                    }
                }
                assertArrayEquals(new int[] {x1, y1, x2, y2}, new int[] {o.x1(), o.y1(), o.x2(), o.y2()});
                int area = (x2 - x1) * (y2 - y1);
                if (o.label() == ShapesScene.RECTANGLE) {
                    assertEquals(area, pixels, "a rectangle fills its box");
                } else {
                    // A filled ellipse covers about pi/4 of its box.
                    assertEquals(Math.PI / 4, pixels / (double) area, 0.12);
                }
            }
        }
        assertEquals(0, objectCounts[0]);
        for (int k = 1; k <= M; k++) {
            assertTrue(objectCounts[k] > 0, "some images with " + k + " objects");
        }
        assertTrue(classCounts[0] > 10 && classCounts[1] > 10, "both classes occur");
    }

    @Test
    void backgroundIsLightNoiseAndAllPixelsInRange() {
        ShapesScene scene = ShapesScene.draw(new DataRandom(8), S, M);
        float[] img = scene.image();
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                for (int c = 0; c < 3; c++) {
                    float v = img[c * S * S + y * S + x];
                    assertTrue(v >= 0 && v <= 1);
                    if (scene.owner(x, y) < 0) {
                        assertTrue(v >= 0.7 && v <= 1.0, "light background");
                    }
                }
            }
        }
    }

    @Test
    void batchCopiesBoxesLabelsAndPadding() {
        ShapesDetectionGenerator g = new ShapesDetectionGenerator(S, M);
        HostBatch b = g.generate(new DataRandom(99), 6);
        List<ShapesScene.DrawnObject> expectedFirst = ShapesScene.draw(new DataRandom(99), S, M).objects();
        float[] boxes = b.get("boxes").floats();
        long[] labels = b.get("labels").longs();
        assertEquals(expectedFirst.size(), b.get("count").longs()[0]);
        for (int k = 0; k < M; k++) {
            if (k < expectedFirst.size()) {
                ShapesScene.DrawnObject o = expectedFirst.get(k);
                assertEquals(o.label(), labels[k]);
                assertArrayEquals(new float[] {o.x1(), o.y1(), o.x2(), o.y2()},
                        java.util.Arrays.copyOfRange(boxes, 4 * k, 4 * k + 4));
            } else {
                assertEquals(ShapesDetectionGenerator.PADDING, labels[k]);
                assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(boxes, 4 * k, 4 * k + 4));
            }
        }
        long[] counts = b.get("count").longs();
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < M; k++) {
                assertEquals(k < counts[i], labels[i * M + k] >= 0);
            }
        }
    }
}
