package dev.tensorloom.studio.problems;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.validate.Problem;
import java.util.Objects;

/**
 * One problem as the problems list shows it, resolved off the FX thread against the document it was found in.
 *
 * @param nodeId      the node it concerns, or null for the whole model (no loss block)
 * @param nodeTitle   that node's title as the canvas shows it, or null
 * @param port        the port concerned, or null
 * @param param       the parameter concerned, or null
 * @param faultyInput the input port whose incoming wire is at fault (a shape or element-type mismatch there), or
 *                    null; the canvas marks that wire
 */
public record ProblemEntry(Problem.Severity severity, Problem.Kind kind, String nodeId, String nodeTitle, String port,
        String param, String message, PortRef faultyInput) {
    /** What the list says for a problem with no node. */
    public static final String WHOLE_MODEL = "Whole model";

    public ProblemEntry {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The entry for a validator finding on {@code doc}: the node's title looked up, the faulty wire found. */
    public static ProblemEntry of(Document doc, Problem p) {
        String title = p.nodeId() == null ? null
                : doc.node(p.nodeId()).map(Node::label).filter(l -> !l.isBlank()).orElse(p.nodeId());
        return new ProblemEntry(p.severity(), p.kind(), p.nodeId(), title, p.port(), p.param(), p.message(),
                faultyInput(doc, p));
    }

    private static PortRef faultyInput(Document doc, Problem p) {
        boolean onWire = p.kind() == Problem.Kind.SHAPE_MISMATCH || p.kind() == Problem.Kind.DTYPE_MISMATCH;
        if (!onWire || p.nodeId() == null || p.port() == null) {
            return null;
        }
        PortRef input = new PortRef(p.nodeId(), p.port());
        return doc.wireInto(input).isPresent() ? input : null;
    }

    public boolean isError() {
        return severity == Problem.Severity.ERROR;
    }

    /** Where it is, as the list's first line says: {@code enc2.q_in}, {@code fc · out_features}, or the whole model. */
    public String location() {
        if (nodeId == null) {
            return WHOLE_MODEL;
        }
        if (port != null) {
            return nodeTitle + "." + port;
        }
        return param != null ? nodeTitle + " · " + param : nodeTitle;
    }
}
