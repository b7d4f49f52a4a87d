package dev.tensorloom.studio.story;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.studio.shell.StudioWindow;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.fxtest.FxThreadRobot;
import dev.tensorloom.studio.main.CatalogModelChecker;
import dev.tensorloom.studio.main.MainWindowView;
import dev.tensorloom.studio.main.ScriptedDialogs;
import dev.tensorloom.studio.task.FxTaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real studio window (real catalog, canvas, background executor) with scripted dialogs
 * and a private studio home, and offers the lookups a user's eye would make: a node by its title,
 * a port by its name.
 */
@ExtendWith(ApplicationExtension.class)
abstract class StudioStoryBase {
    protected final ScriptedDialogs dialogs = new ScriptedDialogs();
    protected StudioWindow window;
    protected Path home;
    /** Looks nodes up on the JavaFX thread; see {@link FxThreadRobot}. */
    protected final FxRobot robot = new FxThreadRobot();

    /** Each story's {@code @Start} calls this (TestFX only looks for {@code @Start} on the test class itself). */
    protected void openStudio(Stage stage) throws Exception {
        openStudio(stage, MainWindowView.WindowActions.NONE);
    }

    /** With window actions that the story needs (File → Export…). */
    protected void openStudio(Stage stage, MainWindowView.WindowActions actions) throws Exception {
        home = Files.createTempDirectory("tensorloom-story");
        BlockCatalog catalog = BlockCatalog.standard();
        window = new StudioWindow(catalog, TemplateCatalog.builtIn(), new StudioHome(home), new FxTaskExecutor(),
                dialogs, new CatalogModelChecker(catalog), actions);
        stage.setScene(window.scene());
        stage.titleProperty().bind(window.viewModel().titleProperty());
        stage.show();
    }

    @AfterEach
    void releaseKeys() throws TimeoutException {
        org.testfx.api.FxToolkit.hideStage();
        robot.release(new javafx.scene.input.KeyCode[0]);
        robot.release(new javafx.scene.input.MouseButton[0]);
    }

    /** The node view whose title reads {@code title}. */
    protected Parent nodeView(FxRobot robot, String title) {
        return robot.lookup("." + CanvasStyles.NODE_TITLE).queryAllAs(Text.class).stream()
                .filter(t -> t.getText().equals(title)).findFirst()
                .map(Node::getParent).orElseThrow(() -> new AssertionError("no node titled " + title));
    }

    /** The port of a node view that the label {@code name} stands next to. */
    protected Node port(FxRobot robot, String title, String name, boolean input) {
        Parent view = nodeView(robot, title);
        var children = view.getChildrenUnmodifiable();
        for (int i = 0; i + 1 < children.size(); i++) {
            Node c = children.get(i);
            if (c.getStyleClass().contains(input ? CanvasStyles.INPUT_PORT : CanvasStyles.OUTPUT_PORT)
                    && children.get(i + 1) instanceof Text t && t.getText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + (input ? "input" : "output") + " port " + name + " on " + title);
    }

    protected static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
