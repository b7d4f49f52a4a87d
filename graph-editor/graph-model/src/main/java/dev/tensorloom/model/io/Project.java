package dev.tensorloom.model.io;

import dev.tensorloom.model.doc.Document;
import java.util.Objects;

/** A loaded or about-to-be-saved project: its display name and the document. */
public record Project(String name, Document document) {
    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
