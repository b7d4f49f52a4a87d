package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts a document back to an earlier snapshot after a failed edit. It works from the snapshot
 * rather than from recorded events because a listener that throws stops the document's event
 * delivery, so the record of what happened may be incomplete. Each primitive step is attempted on
 * its own: the document applies a change before telling listeners, so a step whose listener throws
 * still took effect and the remaining steps must still run.
 */
final class DocumentRestorer {
    private final Document doc;
    private final List<RuntimeException> failures = new ArrayList<>();

    private DocumentRestorer(Document doc) {
        this.doc = doc;
    }

    /** Restores {@code target}; returns listener failures seen on the way (to attach as suppressed). */
    static List<RuntimeException> restore(Document doc, Document.Snapshot target) {
        DocumentRestorer r = new DocumentRestorer(doc);
        r.run(target);
        return r.failures;
    }

    private void run(Document.Snapshot target) {
        for (Wire w : List.copyOf(doc.wires())) {
            if (!w.equals(target.wires().get(w.id()))) {
                attempt(doc::removeWire, w.id());
            }
        }
        for (Node n : List.copyOf(doc.nodes())) {
            if (!target.nodes().containsKey(n.id())) {
                attempt(doc::removeNode, n.id());
            }
        }
        for (Group g : List.copyOf(doc.groups())) {
            if (!target.groups().containsKey(g.id())) {
                attempt(doc::removeGroup, g.id());
            }
        }
        for (Group g : target.groups().values()) {
            if (!g.equals(doc.group(g.id()).orElse(null))) {
                attempt(doc::putGroup, g);
            }
        }
        for (Node n : target.nodes().values()) {
            Node now = doc.node(n.id()).orElse(null);
            if (now == null) {
                attempt(doc::addNode, n);
            } else if (!now.equals(n)) {
                attempt(doc::replaceNode, n);
            }
        }
        for (Wire w : target.wires().values()) {
            if (doc.wire(w.id()).isEmpty()) {
                attempt(doc::addWire, w);
            }
        }
        attempt(doc::setConfig, target.config());
    }

    private <T> void attempt(Consumer<T> step, T argument) {
        try {
            step.accept(argument);
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
