package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MemoryTimelineChartTest {

    @BeforeAll
    static void toolkit() {
        HeadlessFx.start();
    }

    @Test
    void peakLabelsStayInsideThePlotOfANarrowChart() throws Exception {
        List<double[]> spans = HeadlessFx.call(() -> {
            MemoryTimelineChart chart = new MemoryTimelineChart();
            List<ChartPoint> wave = new ArrayList<>();
            for (int i = 0; i <= 1200; i += 50) {
                wave.add(new ChartPoint(i, i == 600 ? 18 : i == 300 ? 88 : 5));
            }
            MemoryTimelineChart.show(chart.addSeries("none"), wave);
            // Peaks in the middle of a narrow chart: the labels are wider than the room on either side of the ring.
            chart.setPeaks(List.of(new PeakMark(0, 300, 88, "none measured ≥ 88.4 MiB"),
                    new PeakMark(1, 600, 18, "sqrt measured ≥ 18.1 MiB"),
                    new PeakMark(2, 620, 11, "sqrt ledger 11.3 MiB")));
            Scene scene = new Scene(new StackPane(chart), 260, 200);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            double width = ((NumberAxis) chart.getXAxis()).getWidth();
            List<double[]> out = new ArrayList<>();
            for (Label label : chart.lookupAll("." + MemoryTimelineChart.PEAK_LABEL).stream()
                    .map(Label.class::cast).toList()) {
                Bounds b = label.getBoundsInParent();
                out.add(new double[] {b.getMinX(), b.getMaxX(), width});
            }
            return out;
        });
        assertEquals(3, spans.size());
        for (double[] s : spans) {
            assertTrue(s[0] >= -0.5 && s[1] <= s[2] + 0.5, "label spans " + s[0] + "–" + s[1] + " of 0–" + s[2]);
        }
    }
}
