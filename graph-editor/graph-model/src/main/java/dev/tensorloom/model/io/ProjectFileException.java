package dev.tensorloom.model.io;

/**
 * A project file that cannot be read or written, with a one-line message for the user that always
 * starts with the file name and, where known, the line and column: {@code broken.tlm:12:5: …}.
 */
public class ProjectFileException extends Exception implements dev.tensorloom.model.UserError {
    private static final long serialVersionUID = 1L;

    public ProjectFileException(String message) {
        super(message);
    }

    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
