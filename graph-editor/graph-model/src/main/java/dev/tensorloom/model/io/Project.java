package dev.tensorloom.model.io;

import dev.tensorloom.model.doc.Document;
import java.util.List;
import java.util.Objects;

/**
 * A loaded or about-to-be-saved project: its display name, the document, and the warnings reading it gave
 * (each names the file, line and column: fields it did not know and that a save would drop).
 */
public record Project(String name, Document document, List<String> warnings) {
    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
        warnings = List.copyOf(warnings);
    }

    /** A project that gave no warnings (made in the studio, or about to be saved). */
    public Project(String name, Document document) {
        this(name, document, List.of());
    }
}
