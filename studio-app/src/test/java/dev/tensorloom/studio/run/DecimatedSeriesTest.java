package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.studio.ui.ChartPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecimatedSeriesTest {
    @Test
    void keepsEverythingUntilFull() {
        DecimatedSeries s = new DecimatedSeries(10);
        for (int i = 0; i < 10; i++) {
            s.add(i, i * i);
        }
        assertEquals(10, s.points().size());
        assertEquals(new ChartPoint(3, 9), s.points().get(3));
    }

    @Test
    void staysBoundedAndEvenlySpreadOverALongRun() {
        DecimatedSeries s = new DecimatedSeries(100);
        for (int i = 0; i < 100_000; i++) {
            s.add(i, -i);
        }
        List<ChartPoint> p = s.points();
        assertTrue(p.size() <= 100 && p.size() > 50, "size " + p.size());
        assertEquals(0, p.get(0).x());
        double step = p.get(1).x() - p.get(0).x();
        for (int i = 1; i < p.size(); i++) {
            assertEquals(step, p.get(i).x() - p.get(i - 1).x(), "even spacing at " + i);
        }
        // The kept points cover the run up to its last stride.
        assertTrue(p.get(p.size() - 1).x() >= 100_000 - step);
    }

    @Test
    void clearStartsOver() {
        DecimatedSeries s = new DecimatedSeries(4);
        for (int i = 0; i < 50; i++) {
            s.add(i, i);
        }
        s.clear();
        s.add(7, 7);
        s.add(8, 8);
        assertEquals(List.of(new ChartPoint(7, 7), new ChartPoint(8, 8)), s.points());
    }
}
