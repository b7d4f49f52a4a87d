package dev.tensorloom.canvas;

import dev.tensorloom.model.doc.PortRef;
import java.util.Objects;

/**
 * A message the canvas wants the user to see (a refused wire, refused clipboard content). The
 * serial makes two equal texts in a row still count as two messages for property listeners.
 *
 * @param serial increases with every message of one canvas
 * @param kind whether an edit was refused or this is information
 * @param text the user-facing text
 * @param port the port the message is about (the input a refused wire was dropped on), shown beside it;
 *     null when it is about no port
 */
public record CanvasMessage(long serial, Kind kind, String text, PortRef port) {
    /** How serious a message is. */
    public enum Kind { INFO, REFUSED }

    public CanvasMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** A message about no port in particular. */
    public CanvasMessage(long serial, Kind kind, String text) {
        this(serial, kind, text, null);
    }
}
