package dev.tensorloom.studio.main;

import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.studio.problems.ProblemEntry;
import java.util.List;
import java.util.Map;

/**
 * Validation and estimates for the status bar. Runs on a background thread on a private copy of
 * the document, so implementations may take their time.
 */
@FunctionalInterface
public interface ModelChecker {
    /**
     * What the status bar shows about a document, what the canvas shows on each node, and the problems list (each
     * problem with its node's title, resolved on the checker's copy).
     */
    record Summary(String validation, String parameters, Map<String, NodeAnnotation> annotations,
            List<ProblemEntry> problems) {
        public Summary {
            annotations = Map.copyOf(annotations);
            problems = List.copyOf(problems);
        }

        public Summary(String validation, String parameters) {
            this(validation, parameters, Map.of(), List.of());
        }
    }

    Summary check(Document copy);
}
