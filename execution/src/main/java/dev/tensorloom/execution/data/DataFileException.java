package dev.tensorloom.execution.data;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A user data file that cannot be used, with a message that names the file and, where there is one,
 * the 1-based line: {@code data.csv:17: column 'x2' is not a number: 'abc'}.
 */
public class DataFileException extends RuntimeException implements dev.tensorloom.model.UserError {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    /** A problem with the whole file. */
    public DataFileException(Path file, String problem) {
        this(file, 0, problem, null);
    }

    /** A problem on a 1-based line of the file. */
    public DataFileException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public DataFileException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, when the problem has one. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    @Override
    public dev.tensorloom.model.UserLocation location() {
        return dev.tensorloom.model.UserLocation.file(String.valueOf(file), line, 0);
    }
}
