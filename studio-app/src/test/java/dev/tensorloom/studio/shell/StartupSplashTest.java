package dev.tensorloom.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StartupSplashTest {

    @BeforeAll
    static void toolkit() {
        HeadlessFx.start();
    }

    @Test
    void theSplashNeedsNoStylesheetSoItDrawsBeforeTheThemeIsRead() throws Exception {
        List<Node> nodes = HeadlessFx.call(() -> {
            Scene scene = StartupSplash.scene();
            List<Node> all = new ArrayList<>();
            collect(scene.getRoot(), all);
            return all;
        });
        // A control would make JavaFX read a user-agent stylesheet (the theme's or Modena) before the first frame.
        assertFalse(nodes.stream().anyMatch(Control.class::isInstance), "no control on the splash: " + nodes);
        assertEquals(List.of(StartupSplash.TITLE, "Opening the studio…"),
                nodes.stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText()).toList());
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }
}
