package dev.tensorloom.studio.files;

import dev.tensorloom.model.command.Fragment;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Wire;
import java.util.List;

/**
 * Copies whole documents. The studio keeps one {@link Document} for its lifetime (the canvas and
 * the inspector listen to it), so opening a file replaces its contents instead of the object.
 */
public final class DocumentContents {
    private DocumentContents() {
    }

    /** Makes {@code target} hold exactly what {@code source} holds. */
    public static void replace(Document target, Document source) {
        for (Wire w : List.copyOf(target.wires())) {
            target.removeWire(w.id());
        }
        for (Node n : List.copyOf(target.nodes())) {
            target.removeNode(n.id());
        }
        for (Group g : List.copyOf(target.groups())) {
            target.removeGroup(g.id());
        }
        source.groups().forEach(target::putGroup);
        source.nodes().forEach(target::addNode);
        source.wires().forEach(target::addWire);
        target.setConfig(source.config());
    }

    /** An independent copy, safe to hand to a background thread while the original keeps changing. */
    public static Document copy(Document source) {
        Document copy = Fragment.of(source).toDocument();
        copy.setConfig(source.config());
        return copy;
    }
}
