package dev.tensorloom.execution.exec;

import dev.tensorloom.model.UserError;
import java.io.IOException;

/** A weights file that does not fit the model (other names or shapes, or not a weights file); names the file. */
public final class WeightsMismatchException extends IOException implements UserError {
    public WeightsMismatchException(String message) {
        super(message);
    }
}
