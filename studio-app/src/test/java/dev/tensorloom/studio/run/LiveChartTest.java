package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiveChartTest {
    @BeforeAll
    static void toolkit() {
        HeadlessFx.start();
    }

    @Test
    void saysNoRunYetInsteadOfShowingEmptyAxes() throws Exception {
        HeadlessFx.call(() -> {
            var points = new SimpleObjectProperty<List<ChartPoint>>(List.of());
            LiveChart chart = new LiveChart("Loss", "chart-loss", points);
            assertTrue(chart.showsPlaceholder());
            assertFalse(chart.getYAxis().isTickLabelsVisible(), "no made-up scale before a run");
            assertFalse(chart.getXAxis().isTickLabelsVisible());
            assertFalse(((javafx.scene.chart.NumberAxis) chart.getYAxis()).isMinorTickVisible());

            points.set(List.of(new ChartPoint(1, 2.5), new ChartPoint(2, Double.NaN), new ChartPoint(3, 2.0)));
            assertFalse(chart.showsPlaceholder());
            assertTrue(chart.getYAxis().isTickLabelsVisible());
            assertEquals(2, chart.series().getData().size(), "non-finite values are left out");

            points.set(List.of());
            assertTrue(chart.showsPlaceholder(), "a new run clears the chart back to its empty state");
            return null;
        });
    }

    @Test
    void aHiddenChartDrawsTheNewestPointsWhenShownAgain() throws Exception {
        HeadlessFx.call(() -> {
            var points = new SimpleObjectProperty<List<ChartPoint>>(List.of(new ChartPoint(1, 3.0)));
            LiveChart chart = new LiveChart("Loss", "chart-loss", points);
            StackPane tab = new StackPane(chart);
            tab.setVisible(false);
            points.set(List.of(new ChartPoint(1, 3.0), new ChartPoint(2, 2.0)));
            points.set(List.of(new ChartPoint(1, 3.0), new ChartPoint(2, 2.0), new ChartPoint(3, 1.0)));
            assertEquals(1, chart.series().getData().size(), "not redrawn while hidden");
            tab.setVisible(true);
            assertEquals(3, chart.series().getData().size(), "the newest points once shown");
            points.set(List.of(new ChartPoint(1, 3.0)));
            assertEquals(1, chart.series().getData().size(), "follows at once while shown");
            return null;
        });
    }
}
