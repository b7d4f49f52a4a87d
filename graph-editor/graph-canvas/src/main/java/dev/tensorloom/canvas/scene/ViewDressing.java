package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.PortView;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.doc.PortRef;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Dresses node views as the canvas shows their items: annotations, replay states, selection and, while
 * a wire is being drawn, which inputs may take it; and wire views with their problem and selection marks. Views built
 * later get the same dress.
 */
final class ViewDressing {
    private final Collection<NodeView> views;
    private final ViewDecorations decorations;
    private final ZoomSharpener sharpener;
    /** While a wire is being drawn: why an input may not take it; applied to views built meanwhile too. */
    private Function<PortRef, Optional<String>> candidateCheck;

    /** @param views the built views (a live collection) */
    ViewDressing(Collection<NodeView> views, ViewDecorations decorations, ZoomSharpener sharpener) {
        this.views = views;
        this.decorations = decorations;
        this.sharpener = sharpener;
    }

    /** Dresses a view built just now as the canvas shows its item at this moment. */
    void dress(NodeView view) {
        String id = view.itemId();
        // Built after a zoom settled, a view renders once at the scale it is shown at: nothing to sharpen.
        view.setCacheHint(sharpener.hintForNewView());
        view.annotate(decorations.annotation(id));
        view.setState(decorations.state(id));
        view.setSelected(decorations.selected(id));
        view.setMarked(decorations.marked(id));
        if (candidateCheck != null) {
            view.inputs().values().forEach(pv -> pv.markCandidate(candidateCheck.apply(pv.ref()).orElse(null)));
        }
    }

    /** Marks a wire view as faulty when the input it ends at is marked, and as selected when it is. */
    void dressWire(WireView wire) {
        wire.setProblem(decorations.problemInput(wire.wire().to()));
        wire.setSelected(decorations.wireSelected(wire.wire().id()));
    }

    void markCandidates(Function<PortRef, Optional<String>> check) {
        candidateCheck = check;
        for (NodeView v : views) {
            for (PortView in : v.inputs().values()) {
                if (in.isConnectable()) {
                    in.markCandidate(check.apply(in.ref()).orElse(null));
                }
            }
        }
    }

    void clearCandidates() {
        candidateCheck = null;
        for (NodeView v : views) {
            v.inputs().values().forEach(PortView::clearCandidate);
        }
    }

    void annotationsChanged(Map<String, NodeAnnotation> before, Map<String, NodeAnnotation> after) {
        for (NodeView v : views) {
            NodeAnnotation a = after.get(v.itemId());
            if (!Objects.equals(before.get(v.itemId()), a)) {
                v.annotate(a);
            }
        }
    }

    void marksChanged() {
        for (NodeView v : views) {
            v.setMarked(decorations.marked(v.itemId()));
        }
    }

    void statesChanged(Map<String, String> after) {
        for (NodeView v : views) {
            v.setState(decorations.state(v.itemId()));
        }
    }
}
