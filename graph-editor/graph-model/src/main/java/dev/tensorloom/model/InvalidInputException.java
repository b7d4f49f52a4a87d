package dev.tensorloom.model;

/**
 * A user mistake with no exception of its own: a bad option, a project that names no dataset, a graph that
 * cannot be measured. An {@link IllegalArgumentException}, so code that validates arguments keeps working.
 */
public class InvalidInputException extends IllegalArgumentException implements UserError {
    private static final long serialVersionUID = 1L;
    private final transient UserLocation location;

    public InvalidInputException(String message) {
        this(UserLocation.NONE, message);
    }

    public InvalidInputException(UserLocation location, String message) {
        super(message);
        this.location = location;
    }

    @Override
    public UserLocation location() {
        return location;
    }
}
