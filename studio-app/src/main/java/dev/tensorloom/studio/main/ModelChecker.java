package dev.tensorloom.studio.main;

import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.model.doc.Document;
import java.util.Map;

/**
 * Validation and estimates for the status bar. Runs on a background thread on a private copy of
 * the document, so implementations may take their time.
 */
@FunctionalInterface
public interface ModelChecker {
    /** What the status bar shows about a document, and what the canvas shows on each node. */
    record Summary(String validation, String parameters, Map<String, NodeAnnotation> annotations) {
        public Summary {
            annotations = Map.copyOf(annotations);
        }

        public Summary(String validation, String parameters) {
            this(validation, parameters, Map.of());
        }
    }

    Summary check(Document copy);
}
