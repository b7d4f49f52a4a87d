package dev.tensorloom.studio.fxtest;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TestFX robot whose lookups run on the JavaFX thread. TestFX lists the open windows and walks their scene
 * graphs on the test thread, which races a popup or tooltip window opening or closing at the same moment: CI
 * once failed inside {@code clickOn("PyTorch")} with "Index 4 out of bounds for length 4" from that list. Every
 * string lookup, and so every {@code clickOn(String)}, goes through {@link #lookup(String)}.
 */
public final class FxThreadRobot extends FxRobot {
    @Override
    public NodeQuery lookup(String query) {
        Set<Node> found = onFxThread(() -> FxThreadRobot.super.lookup(query).queryAll());
        return from(found);
    }

    private static <T> T onFxThread(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(work));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer a lookup in 30 s", e);
        }
    }
}
