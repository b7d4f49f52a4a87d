package dev.tensorloom.model.io;

import dev.tensorloom.model.UserError;

/** An output path a command cannot write to, found before any work started; the message names option and path. */
public class OutputPathException extends IllegalArgumentException implements UserError {
    private static final long serialVersionUID = 1L;

    public OutputPathException(String message) {
        super(message);
    }
}
