package dev.tensorloom.model.doc;

/** Receives every change of a {@link Document}, on the thread that made it. */
@FunctionalInterface
public interface DocumentListener {
    void documentChanged(DocumentChange change);
}
