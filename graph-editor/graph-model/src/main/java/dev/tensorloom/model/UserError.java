package dev.tensorloom.model;

/**
 * Marks an exception caused by the user's input (a broken file, a bad option, a refused edit, a graph that
 * cannot run). Its message is complete and names the place, so front ends show it as one line, never with
 * a stack trace (the command line exits 2). The one convention for user mistakes: throw a type that
 * implements this, {@link InvalidInputException} when no more specific one fits.
 */
public interface UserError {
    /** The located, user-facing message. */
    String getMessage();

    /** Where the mistake is, as far as known (the message names it too). */
    default UserLocation location() {
        return UserLocation.NONE;
    }
}
