package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.List;
import java.util.OptionalInt;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memory view at the sizes the studio gives it (its tab in a window at 90% of a 1600×1000 and of a
 * 1280×800 screen, and a very short one): rows never overlap, chart titles are never cut to "…", and the
 * plan text is either shown whole or scrolls, the charts giving up their height first.
 */
class MemoryViewLayoutTest {
    /** Width × height of the memory tab's content in the studio window on a 1600×1000 screen. */
    private static final double[] LARGE = {1428, 322};
    /** The same on a 1280×800 screen. */
    private static final double[] SMALL = {1140, 250};
    private static final double[] TINY = {900, 200};

    @BeforeAll
    static void toolkit() {
        HeadlessFx.start();
    }

    @Test
    void thePlanTextKeepsItsFullHeightUntilTheChartsAreAtTheirMinimum() {
        double full = 120;
        assertEquals(full, MemoryRows.planTextHeight(full, 400));
        assertEquals(full, MemoryRows.planTextHeight(full, MemoryRows.CHARTS_MIN_HEIGHT + full));
        assertEquals(100, MemoryRows.planTextHeight(full, MemoryRows.CHARTS_MIN_HEIGHT + 100));
        assertEquals(MemoryRows.TEXT_MIN_HEIGHT, MemoryRows.planTextHeight(full, 60));
        assertEquals(30, MemoryRows.planTextHeight(30, 10), "a short text needs no more than its own height");
    }

    @Test
    void atEachWindowSizeRowsDoNotOverlapAndTheTextIsWholeOrScrolls() throws Exception {
        for (double[] size : List.of(LARGE, SMALL, TINY)) {
            HeadlessFx.call(() -> {
                MemoryView view = laidOut(size);
                List<Node> rows = view.rows().getChildrenUnmodifiable();
                assertEquals(4, rows.size());
                double bottom = rows.get(3).getBoundsInParent().getMaxY();
                assertTrue(bottom <= view.rows().getHeight() + 0.5, sizeText(size) + ": the text ends inside the rows");
                boolean scrolls = view.rows().getHeight() > view.getViewportBounds().getHeight() + 0.5;
                assertEquals(scrolls, view.getVmax() > view.getVmin() && verticalBar(view).isVisible(),
                        sizeText(size) + ": the view scrolls exactly when the rows are taller than the tab");
                for (int i = 1; i < rows.size(); i++) {
                    Bounds above = rows.get(i - 1).getBoundsInParent();
                    Bounds below = rows.get(i).getBoundsInParent();
                    assertTrue(above.getMaxY() <= below.getMinY() + 0.5,
                            sizeText(size) + ": row " + (i - 1) + " ends at " + above.getMaxY() + ", row " + i
                                    + " starts at " + below.getMinY());
                }
                PlanTextPane text = view.rows().planText();
                double full = text.fullHeight(text.getWidth());
                if (text.getHeight() < full - 0.5) {
                    Node charts = rows.get(1);
                    // Layout height, not bounds: a control's focus ring may draw a few pixels outside its row,
                    // which the no-overlap check above already bounds by the gap between rows.
                    assertTrue(charts.getLayoutBounds().getHeight() <= view.rows().chartsMinHeight(text.getWidth()) + 0.5,
                            sizeText(size) + ": the charts give up their height before the text scrolls (charts "
                                    + charts.getBoundsInParent() + ", layout height " + charts.getLayoutBounds().getHeight()
                                    + ", least " + view.rows().chartsMinHeight(text.getWidth()) + ")");
                    assertTrue(text.getHeight() >= MemoryRows.TEXT_MIN_HEIGHT - 0.5, sizeText(size));
                }
                assertTrue(text.getVmax() > text.getVmin(), "scrolls to its end");
                return null;
            });
        }
    }

    @Test
    void aTabShorterThanTheRowsScrollsThemAsAWhole() throws Exception {
        HeadlessFx.call(() -> {
            MemoryView view = laidOut(TINY);
            assertTrue(view.rows().getHeight() > TINY[1], "rows keep their minimum height: " + view.rows().getHeight());
            assertTrue(verticalBar(view).isVisible());
            return null;
        });
    }

    @Test
    void theBarsShowAtEachWindowSize() throws Exception {
        for (double[] size : List.of(LARGE, SMALL)) {
            HeadlessFx.call(() -> {
                MemoryView view = laidOut(size);
                // A new plan replaces the bars of the one shown: the studio's sequence after a project loads.
                view.viewModel().replan("every-k:4");
                for (int i = 0; i < 3; i++) {
                    view.getParent().applyCss();
                    view.getParent().layout();
                }
                @SuppressWarnings("unchecked")
                BarChart<String, Number> bars = (BarChart<String, Number>) view.lookup("#memory-node-bytes");
                List<XYChart.Data<String, Number>> data = bars.getData().get(0).getData();
                assertFalse(data.isEmpty());
                for (XYChart.Data<String, Number> d : data) {
                    Bounds b = d.getNode().getBoundsInParent();
                    assertTrue(d.getNode().isVisible() && b.getWidth() > 1 && b.getHeight() > 1,
                            sizeText(size) + ": bar " + d.getXValue() + " at " + b);
                }
                return null;
            });
        }
    }

    @Test
    void chartTitlesAreNotCutShort() throws Exception {
        for (double[] size : List.of(LARGE, SMALL)) {
            HeadlessFx.call(() -> {
                MemoryView view = laidOut(size);
                int titles = 0;
                for (Node n : view.lookupAll(".chart-title")) {
                    Label title = (Label) n;
                    Text shown = (Text) title.lookup(".text");
                    assertNotNull(shown);
                    assertEquals(title.getText(), shown.getText(), sizeText(size));
                    titles++;
                }
                assertEquals(3, titles, "timeline, saved bytes per node, and the trade-off explorer");
                return null;
            });
        }
    }

    @Test
    void theFullTextFitsWithoutScrollingOnALargeScreen() throws Exception {
        HeadlessFx.call(() -> {
            MemoryView view = laidOut(LARGE);
            PlanTextPane text = view.rows().planText();
            assertFalse(text.getHeight() < text.fullHeight(text.getWidth()) - 0.5,
                    "height " + text.getHeight() + " for text of " + text.fullHeight(text.getWidth()));
            return null;
        });
    }

    /** The view over a six-block chain's estimated plan, themed as in the studio, laid out at a size. */
    private static MemoryView laidOut(double[] size) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        var project = SmallChain.project(6, 32);
        MemoryViewModel vm = new MemoryViewModel(project.document(), BlockCatalog.standard(),
                new StandardMemoryAnalyzer(BlockCatalog.standard(), OptionalInt.empty()), TaskExecutor.direct());
        MemoryView view = new MemoryView(vm, new TradeoffViewModel(vm, policy -> { }, TaskExecutor.direct()));
        StackPane root = new StackPane(view);
        Scene scene = new Scene(root, size[0], size[1]);
        scene.getStylesheets().add(StudioWindow.class.getResource(StudioWindow.STYLESHEET).toExternalForm());
        for (int i = 0; i < 3; i++) {
            root.applyCss();
            root.layout();
        }
        return view;
    }

    /** The view's own vertical scroll bar (not the plan text's, which is inside it). */
    private static ScrollBar verticalBar(ScrollPane pane) {
        for (Node n : pane.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.getParent() == pane) {
                return bar;
            }
        }
        throw new AssertionError("no vertical scroll bar");
    }

    private static String sizeText(double[] size) {
        return (int) size[0] + "×" + (int) size[1];
    }
}
