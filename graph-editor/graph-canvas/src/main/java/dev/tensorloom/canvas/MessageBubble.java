package dev.tensorloom.canvas;

import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.PortView;
import dev.tensorloom.model.doc.PortRef;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * The canvas's latest message ({@link GraphCanvas#messageProperty()}) in screen space: beside the port it is
 * about (a refused wire's input), not over it, or at the bottom centre; it stays {@link #SHOWN}, then fades out
 * over {@link #FADE}. A new message starts it over; an edit dismisses it (what it said is stale then).
 */
final class MessageBubble extends Label {
    static final Duration SHOWN = Duration.seconds(4);
    static final Duration FADE = Duration.millis(600);
    /** Widest a message gets before it wraps. */
    private static final double MAX_WIDTH = 380;

    private final SequentialTransition life;

    MessageBubble() {
        setId("canvas-message");
        getStyleClass().add(CanvasStyles.MESSAGE);
        setManaged(false);
        setMouseTransparent(true);
        setWrapText(true);
        setVisible(false);
        FadeTransition fade = new FadeTransition(FADE, this);
        fade.setFromValue(1);
        fade.setToValue(0);
        life = new SequentialTransition(new PauseTransition(SHOWN), fade);
        // Faded out is gone, whether the animation ran out on its own or a test drove it to its end.
        opacityProperty().addListener((o, before, now) -> {
            if (now.doubleValue() <= 0) {
                setVisible(false);
            }
        });
    }

    /** Shows a message beside {@code port} (the canvas control's coordinates; null: bottom centre) and starts its fade. */
    void show(CanvasMessage message, Bounds port, double viewWidth, double viewHeight) {
        setText(message.text());
        pseudoClassStateChanged(CanvasStyles.INFO, message.kind() == CanvasMessage.Kind.INFO);
        applyCss();
        double width = Math.min(prefWidth(-1), Math.min(MAX_WIDTH, viewWidth - 2 * MessagePlacement.MARGIN));
        double height = prefHeight(width);
        resize(width, height);
        Point2D at = port == null ? MessagePlacement.bottomCentre(width, height, viewWidth, viewHeight)
                : MessagePlacement.beside(port, width, height, viewWidth, viewHeight);
        relocate(at.getX(), at.getY());
        setOpacity(1);
        setVisible(true);
        life.playFromStart();
    }

    /** Hides the message at once. */
    void dismiss() {
        life.stop();
        setVisible(false);
    }

    /** The wait and the fade, one after the other (tests drive its time). */
    Animation life() {
        return life;
    }

    /**
     * Where a port is drawn now, in the canvas control's coordinates; null when its block is not shown (inside a
     * collapsed group, culled) or has no such port.
     */
    static Bounds portBounds(GraphCanvas canvas, GraphViews views, PortRef port) {
        NodeView view = port == null ? null : views.builtItem(port.nodeId());
        if (view == null || !views.isAttached(view)) {
            return null;
        }
        PortView dot = view.inputs().get(port.port());
        if (dot == null) {
            dot = view.outputs().get(port.port());
        }
        return dot == null ? null : canvas.sceneToLocal(dot.localToScene(dot.getBoundsInLocal()));
    }
}
