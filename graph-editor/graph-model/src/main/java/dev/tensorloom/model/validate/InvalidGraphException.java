package dev.tensorloom.model.validate;

import dev.tensorloom.model.UserError;
import dev.tensorloom.model.UserLocation;
import java.util.List;

/**
 * A document the {@link Validator} found errors in, refused before it runs. The message is the first
 * error's, as {@code tensorloom validate} prints it, and counts the others.
 */
public final class InvalidGraphException extends RuntimeException implements UserError {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> errors;

    /** @param errors the errors, first the one to name; not empty */
    public InvalidGraphException(List<Problem> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    private static String message(List<Problem> errors) {
        int more = errors.size() - 1;
        return errors.get(0).message() + (more == 0 ? "" : " (and " + more + " more error" + (more == 1 ? "" : "s") + ")");
    }

    /** Every error, in the validator's order. */
    public List<Problem> errors() {
        return errors;
    }

    @Override
    public UserLocation location() {
        Problem first = errors.get(0);
        return first.nodeId() == null ? UserLocation.NONE
                : UserLocation.node(first.nodeId(), first.port() != null ? first.port() : first.param());
    }
}
