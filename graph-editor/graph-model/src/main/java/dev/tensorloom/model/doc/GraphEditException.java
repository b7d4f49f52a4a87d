package dev.tensorloom.model.doc;

/** An edit the document refuses, with a message meant for the user (for example a wire closing a cycle). */
public class GraphEditException extends RuntimeException implements dev.tensorloom.model.UserError {
    private static final long serialVersionUID = 1L;

    public GraphEditException(String message) {
        super(message);
    }
}
