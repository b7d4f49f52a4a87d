package dev.tensorloom.studio.editor;

import dev.tensorloom.canvas.ConnectionCheck;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.shape.PortProblem;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.model.validate.ShapeReport;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a wire whose shapes do not fit, with the shape rule's own located message. It runs only the
 * target node's rule with the candidate wire's type at the input ({@link ShapeInference#trial}), on shapes
 * inferred once per document state, and reports only problems the wire introduces at that input, so an
 * error elsewhere in the graph never blocks an unrelated wire. Cycles and fed inputs are the canvas's own
 * rules.
 */
public final class ShapeConnectionCheck implements ConnectionCheck {
    private final Document document;
    private final BlockCatalog catalog;
    /** Shapes of the document as it is; dropped by any change, inferred again on the next check. */
    private ShapeReport shapes;

    public ShapeConnectionCheck(Document document, BlockCatalog catalog) {
        this.document = document;
        this.catalog = catalog;
        document.addListener(change -> shapes = null);
    }

    @Override
    public Optional<String> refusal(PortRef from, PortRef to) {
        if (shapes == null) {
            shapes = ShapeInference.run(document, catalog);
        }
        Set<String> before = messagesAt(shapes.problems(to.nodeId()).stream(), to);
        return ShapeInference.trial(shapes, document, catalog, from, to).stream()
                .filter(p -> to.port().equals(p.port())).map(PortProblem::message)
                .filter(m -> !before.contains(m)).findFirst();
    }

    private static Set<String> messagesAt(java.util.stream.Stream<PortProblem> problems, PortRef input) {
        return problems.filter(p -> input.port().equals(p.port())).map(PortProblem::message)
                .collect(Collectors.toSet());
    }
}
