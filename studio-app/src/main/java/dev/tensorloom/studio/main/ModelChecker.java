package dev.tensorloom.studio.main;

import dev.tensorloom.model.doc.Document;

/**
 * Validation and estimates for the status bar. Runs on a background thread on a private copy of
 * the document, so implementations may take their time.
 */
@FunctionalInterface
public interface ModelChecker {
    /** What the status bar shows about a document. */
    record Summary(String validation, String parameters) { }

    Summary check(Document copy);
}
