package dev.tensorloom.model;

/**
 * Marks an exception caused by the user's input (a broken file, a bad option, a refused edit). Its
 * message is complete and located, so front ends show it as one line, never with a stack trace.
 */
public interface UserError {
    /** The located, user-facing message. */
    String getMessage();
}
