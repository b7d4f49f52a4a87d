package dev.tensorloom.studio.editor;

import dev.tensorloom.canvas.ConnectionCheck;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.shape.PortProblem;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.studio.files.DocumentContents;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a wire whose shapes do not fit, with the shape rule's own located message. It tries the
 * wire on a copy and reports only problems the wire introduces at the input it would feed, so an
 * error elsewhere in the graph never blocks an unrelated wire.
 */
public final class ShapeConnectionCheck implements ConnectionCheck {
    private final Document document;
    private final BlockCatalog catalog;

    public ShapeConnectionCheck(Document document, BlockCatalog catalog) {
        this.document = document;
        this.catalog = catalog;
    }

    @Override
    public Optional<String> refusal(PortRef from, PortRef to) {
        Set<String> before = messagesAt(document, to);
        Document trial = DocumentContents.copy(document);
        try {
            trial.addWire(new Wire(trial.freshId("trial"), from, to));
        } catch (GraphEditException e) {
            // The canvas's own rules report fed inputs and cycles.
            return Optional.empty();
        }
        return messagesAt(trial, to).stream().filter(m -> !before.contains(m)).findFirst();
    }

    private Set<String> messagesAt(Document doc, PortRef input) {
        return ShapeInference.run(doc, catalog).problems(input.nodeId()).stream()
                .filter(p -> input.port().equals(p.port()))
                .map(PortProblem::message)
                .collect(Collectors.toSet());
    }
}
