package dev.tensorloom.studio.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.studio.files.PanelSplits;
import dev.tensorloom.studio.files.PanelSplitsStore;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import dev.tensorloom.studio.task.FxTaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio window puts its panel dividers where the store says (a restart), sane or not, and reads back where
 * the user left them; checked on the laid-out window, in the split panes themselves.
 */
class PanelDividersTest {
    private static final double TOLERANCE = 0.01;
    @TempDir
    Path home;

    private final List<Stage> stages = new ArrayList<>();

    @BeforeAll
    static void toolkit() {
        HeadlessFx.start();
    }

    @AfterEach
    void closeWindows() throws Exception {
        HeadlessFx.call(() -> {
            stages.forEach(Stage::hide);
            return null;
        });
    }

    private StudioWindow studio() {
        BlockCatalog catalog = BlockCatalog.standard();
        return new StudioWindow(catalog, TemplateCatalog.builtIn(), new StudioHome(home), new FxTaskExecutor(),
                new ScriptedDialogs(), new CatalogModelChecker(catalog), MainWindowView.WindowActions.NONE);
    }

    /** Shows the window (once), lays it out and returns the split panes: across, then down. */
    private List<SplitPane> laidOut(StudioWindow window) {
        if (window.scene().getWindow() == null) {
            Stage stage = new Stage();
            stage.setScene(window.scene());
            stage.getScene().setUserData(window);
            stage.show();
            stages.add(stage);
        }
        window.scene().getRoot().applyCss();
        window.scene().getRoot().layout();
        List<SplitPane> panes = window.scene().getRoot().lookupAll(".split-pane").stream()
                .map(SplitPane.class::cast).toList();
        SplitPane across = panes.stream().filter(p -> p.getOrientation() == Orientation.HORIZONTAL
                && p.getItems().size() == 3).findFirst().orElseThrow();
        SplitPane down = panes.stream().filter(p -> p.getOrientation() == Orientation.VERTICAL
                && p.getItems().contains(across)).findFirst().orElseThrow();
        return List.of(across, down);
    }

    private static void assertShown(PanelSplits expected, List<SplitPane> panes) {
        double[] across = panes.get(0).getDividerPositions();
        assertEquals(expected.palette(), across[0], TOLERANCE, "palette's edge");
        assertEquals(expected.inspector(), across[1], TOLERANCE, "inspector's edge");
        assertEquals(expected.runArea(), panes.get(1).getDividerPositions()[0], TOLERANCE, "run area's edge");
    }

    @Test
    void aFirstStartShowsTheDefaultSplits() throws Exception {
        HeadlessFx.call(() -> {
            StudioWindow window = studio();
            assertShown(PanelSplits.DEFAULT, laidOut(window));
            return null;
        });
    }

    @Test
    void splitsSavedAtQuitAreAppliedAtTheNextStart() throws Exception {
        PanelSplits moved = new PanelSplits(0.25, 0.7, 0.4);
        PanelSplitsStore store = new PanelSplitsStore(new StudioHome(home).panelSplits());
        PanelSplits left = HeadlessFx.call(() -> {
            StudioWindow window = studio();
            List<SplitPane> panes = laidOut(window);
            // The user drags the dividers.
            panes.get(0).setDividerPositions(moved.palette(), moved.inspector());
            panes.get(1).setDividerPositions(moved.runArea());
            laidOut(window);
            return window.view().dividers().current();
        });
        assertEquals(moved.palette(), left.palette(), TOLERANCE);
        store.save(left);
        HeadlessFx.call(() -> {
            StudioWindow next = studio();
            next.view().dividers().apply(store.load());
            assertShown(moved, laidOut(next));
            return null;
        });
    }

    @Test
    void theSplitsHoldWhenTheWindowTakesItsRememberedSize() throws Exception {
        PanelSplits remembered = new PanelSplits(0.25, 0.75, 0.5);
        Runnable settled = HeadlessFx.call(() -> {
            StudioWindow window = studio();
            Runnable done = window.view().dividers().applyWhileSettling(remembered);
            laidOut(window);
            // The window grows from the scene's first size to the remembered one, as at start.
            stages.get(0).setWidth(1500);
            stages.get(0).setHeight(950);
            laidOut(window);
            return done;
        });
        HeadlessFx.call(() -> {
            StudioWindow window = (StudioWindow) stages.get(0).getScene().getUserData();
            assertShown(remembered, laidOut(window));
            settled.run();
            return null;
        });
    }

    @Test
    void aWindowNarrowedToItsSmallestSizeKeepsHalfItsWidthForTheCanvas() throws Exception {
        double[] wide = HeadlessFx.call(() -> {
            StudioWindow window = studio();
            List<SplitPane> panes = laidOut(window);
            stages.get(0).setWidth(1500);
            laidOut(window);
            // Wide side panels, as a user may leave them in a big window.
            panes.get(0).setDividerPositions(0.2, 0.7);
            laidOut(window);
            return panes.get(0).getDividerPositions();
        });
        HeadlessFx.call(() -> {
            stages.get(0).setWidth(900);
            return null;
        });
        // The window system resizes the scene a moment later, and the dividers follow after that layout pass.
        double[] narrow = null;
        for (int i = 0; i < 100 && (narrow == null || narrow[1] - narrow[0] < PanelDividers.CANVAS_SHARE - TOLERANCE); i++) {
            Thread.sleep(20);
            narrow = HeadlessFx.call(() -> laidOut((StudioWindow) stages.get(0).getScene().getUserData())
                    .get(0).getDividerPositions());
        }
        assertEquals(PanelDividers.CANVAS_SHARE, narrow[1] - narrow[0], TOLERANCE, "the canvas' share at 900 px");
        assertEquals(wide[0] / (1 - wide[1]), narrow[0] / (1 - narrow[1]), 0.05,
                "palette and inspector narrow in proportion");
        double[] regrown = HeadlessFx.call(() -> {
            StudioWindow window = (StudioWindow) stages.get(0).getScene().getUserData();
            stages.get(0).setWidth(1500);
            return laidOut(window).get(0).getDividerPositions();
        });
        assertTrue(regrown[1] - regrown[0] >= PanelDividers.CANVAS_SHARE - TOLERANCE,
                "growing the window again gives the canvas the room");
    }

    @Test
    void nonsenseSplitsAreShownAsTheDefault() throws Exception {
        HeadlessFx.call(() -> {
            StudioWindow window = studio();
            window.view().dividers().apply(new PanelSplits(0.9, 0.1, Double.NaN));
            assertShown(PanelSplits.DEFAULT, laidOut(window));
            return null;
        });
    }
}
