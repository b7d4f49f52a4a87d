package dev.tensorloom.studio.activation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.task.UpdateThrottle;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActivationViewTest {
    @BeforeAll
    static void toolkit() {
        HeadlessFx.start();
    }

    @Test
    void updatesRepaintOnlyWhatChangedNotTheWholeCachedViewport() throws Exception {
        HeadlessFx.call(() -> {
            ScrollPane plain = new ScrollPane();
            ActivationView view = new ActivationView(new ActivationViewModel(UpdateThrottle.direct()));
            new Scene(new StackPane(plain, view), 400, 300);
            plain.applyCss();
            view.applyCss();
            assertTrue(plain.lookup(".viewport").isCache(), "JavaFX caches a scroll pane's viewport by default");
            assertFalse(view.viewportCached());
            return null;
        });
    }
}
