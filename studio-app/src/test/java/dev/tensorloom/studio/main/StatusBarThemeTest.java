package dev.tensorloom.studio.main;

import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;

/**
 * The status bar under the studio's stylesheet in both themes: a line along its top stands out from the panel
 * above and from the bar itself (in the dark theme it was a lightgray frame around the bar, not a separation in
 * the theme's colours), and the bar has no frame down its sides.
 */
class StatusBarThemeTest {
    @Test
    void theStatusBarHasAVisibleTopLineInTheThemesColours() throws Exception {
        HeadlessFx.start();
        try {
            for (Theme theme : List.of(new PrimerDark(), new PrimerLight())) {
                HeadlessFx.call(() -> {
                    Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
                    Region panel = new Region();
                    panel.setStyle("-fx-background-color: -color-bg-default;");
                    StatusBar bar = new StatusBar();
                    bar.setText("No problems");
                    Scene scene = new Scene(new BorderPane(panel, null, null, bar, null), 400, 200);
                    scene.getStylesheets().add(StudioWindow.class.getResource(StudioWindow.STYLESHEET)
                            .toExternalForm());
                    WritableImage image = scene.snapshot(null);
                    Bounds b = bar.localToScene(bar.getLayoutBounds());
                    PixelReader px = image.getPixelReader();
                    int x = (int) b.getCenterX();
                    int top = (int) Math.round(b.getMinY());
                    Color line = px.getColor(x, top);
                    Color above = px.getColor(x, top - 3);
                    Color inside = px.getColor(x, top + 3);
                    String name = theme.getName();
                    assertTrue(distance(line, above) > 0.08 && distance(line, inside) > 0.08,
                            name + ": the top line " + line + " stands out from the panel " + above
                                    + " and the bar " + inside);
                    if (theme.isDarkMode()) {
                        assertTrue(line.getBrightness() < 0.5, name + ": the line is the theme's, not lightgray: " + line);
                    }
                    Color side = px.getColor((int) Math.round(b.getMinX()), (int) b.getCenterY());
                    assertTrue(distance(side, inside) < 0.02, name + ": no frame at the side: " + side + " vs " + inside);
                    return null;
                });
            }
        } finally {
            HeadlessFx.call(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                return null;
            });
        }
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }
}
