package dev.tensorloom.canvas;

import dev.tensorloom.model.doc.PortRef;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The canvas's latest message for the user (a refused wire with its reason, refused clipboard content, a
 * dropped auto-layout). Each report is a new {@link CanvasMessage}, so the same text twice still reaches
 * listeners twice.
 */
final class CanvasMessages {
    private final ReadOnlyObjectWrapper<CanvasMessage> latest;
    private long serial;

    CanvasMessages(Object bean) {
        latest = new ReadOnlyObjectWrapper<>(bean, "message");
    }

    ReadOnlyObjectProperty<CanvasMessage> property() {
        return latest.getReadOnlyProperty();
    }

    /** A message shown beside {@code port} (null: at the bottom of the canvas). */
    void report(CanvasMessage.Kind kind, String text, PortRef port) {
        latest.set(new CanvasMessage(++serial, kind, text, port));
    }
}
