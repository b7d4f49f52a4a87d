package dev.tensorloom.model.io;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something wrong in the content of a project file, raised while decoding or migrating a tree and
 * turned into a located {@link ProjectFileException} by the reader. It names the offending place
 * as a container node of the tree and a field (or array index) in it; the reader looks up where in
 * the text that was.
 */
public final class FormatProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JsonNode container;
    private final String field;

    /** A problem with {@code container.field}; a null field means the container itself. */
    public FormatProblem(String message, JsonNode container, String field) {
        super(message, null, false, false);
        this.container = container;
        this.field = field;
    }

    public JsonNode container() {
        return container;
    }

    public String field() {
        return field;
    }
}
