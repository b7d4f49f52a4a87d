package dev.tensorloom.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a project tree of format version {@link #from()} into version {@code from() + 1}. Migrators
 * form a chain, so each one only knows two adjacent versions. Throw {@link FormatProblem} for
 * content the old version would not have accepted either; move existing objects rather than copy
 * them where possible, so errors found later still point at the right place in the file.
 */
public interface Migrator {
    int from();

    /** The migrated tree; may modify and reuse {@code root}. Must set {@code formatVersion}. */
    JsonNode migrate(ObjectNode root);
}
