package dev.tensorloom.canvas.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The overview's pixels: which ones a box, an outline and a line cover, clipping, and blending. */
class OverviewRasterTest {
    private static final int RED = 0xffff0000;

    private static int count(OverviewRaster r, int argb) {
        int n = 0;
        for (int p : r.pixels()) {
            if (p == argb) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aBoxCoversThePixelsItTouchesAndAtLeastOne() {
        OverviewRaster r = new OverviewRaster(20, 10);
        r.fillBox(2.5, 1.2, 5.5, 3.0, RED);
        // x 2..5, y 1..2: 4 × 2 pixels.
        assertEquals(8, count(r, RED));
        assertEquals(RED, r.pixel(2, 1));
        assertEquals(RED, r.pixel(5, 2));
        assertEquals(0, r.pixel(6, 2));
        assertEquals(0, r.pixel(2, 3));

        r.clear();
        r.fillBox(7.2, 4.1, 7.3, 4.15, RED);
        assertEquals(1, count(r, RED), "a block far smaller than a pixel still shows");
        assertEquals(RED, r.pixel(7, 4));
    }

    @Test
    void drawingOutsideTheBufferIsCutOff() {
        OverviewRaster r = new OverviewRaster(10, 10);
        r.fillBox(-100, -100, 3, 2, RED);
        assertEquals(6, count(r, RED));
        r.clear();
        r.fillBox(50, 50, 60, 60, RED);
        r.line(-1e6, -5, 1e6, -5, RED);
        assertEquals(0, count(r, RED));
        // A line across a huge canvas: only the pixels on screen, one per column.
        r.line(-1e6, 4, 1e6, 4, RED);
        assertEquals(10, count(r, RED));
        for (int x = 0; x < 10; x++) {
            assertEquals(RED, r.pixel(x, 4));
        }
    }

    @Test
    void aLineIsOnePixelPerStepFromEndToEnd() {
        OverviewRaster r = new OverviewRaster(10, 10);
        r.line(1, 1, 8, 8, RED);
        assertEquals(8, count(r, RED));
        for (int i = 1; i <= 8; i++) {
            assertEquals(RED, r.pixel(i, i));
        }
        r.clear();
        r.line(2, 7, 2, 3, RED);
        assertEquals(5, count(r, RED));
        r.clear();
        r.line(4.2, 4.2, 4.3, 4.4, RED);
        assertEquals(1, count(r, RED));
    }

    @Test
    void anOutlineLeavesTheInsideEmpty() {
        OverviewRaster r = new OverviewRaster(12, 12);
        r.strokeBox(1, 1, 9, 7, 2, RED);
        // 8 × 6 box minus its 4 × 2 inside.
        assertEquals(8 * 6 - 4 * 2, count(r, RED));
        assertEquals(0, r.pixel(4, 4));
        assertEquals(RED, r.pixel(1, 1));
        assertEquals(RED, r.pixel(8, 6));
    }

    @Test
    void translucentColoursBlendOverWhatIsThere() {
        OverviewRaster r = new OverviewRaster(4, 4);
        int halfBlue = OverviewRaster.premultiplied(0, 0, 1, 0.5);
        assertEquals(0x80000080, halfBlue);
        r.fillBox(0, 0, 4, 4, RED);
        r.fillBox(0, 0, 1, 1, halfBlue);
        // Source over, premultiplied: a = 128 + 255 × 127/255, r = 255 × 127/255, b = 128.
        assertEquals(0xff7f0080, r.pixel(0, 0));
        assertEquals(RED, r.pixel(1, 0));
        assertEquals(halfBlue, OverviewRaster.over(halfBlue, 0));
    }

    @Test
    void anEmptyBufferIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OverviewRaster(0, 5));
    }
}
