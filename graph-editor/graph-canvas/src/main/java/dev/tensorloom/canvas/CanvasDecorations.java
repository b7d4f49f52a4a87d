package dev.tensorloom.canvas;

import dev.tensorloom.canvas.scene.ViewDecorations;
import dev.tensorloom.canvas.state.CanvasMarks;
import dev.tensorloom.canvas.state.CanvasSelection;
import dev.tensorloom.canvas.view.GroupState;
import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.PortRef;
import java.util.Set;

/**
 * What views built later read of the canvas: its annotations, replay states, selection and marks as they
 * are now. A collapsed group takes the state of its members ({@link GroupState}) and is marked when any
 * block inside it is.
 */
final class CanvasDecorations implements ViewDecorations {
    private final Document document;
    private final CanvasMarks marks;
    private final CanvasSelection selection;

    CanvasDecorations(Document document, CanvasMarks marks, CanvasSelection selection) {
        this.document = document;
        this.marks = marks;
        this.selection = selection;
    }

    @Override
    public NodeAnnotation annotation(String itemId) {
        return marks.annotationsProperty().get().get(itemId);
    }

    @Override
    public String state(String itemId) {
        return GroupState.of(document, itemId, marks.statesProperty().get());
    }

    @Override
    public boolean selected(String itemId) {
        return selection.items().contains(itemId);
    }

    @Override
    public boolean problemInput(PortRef input) {
        return marks.problemInputsProperty().get().contains(input);
    }

    @Override
    public boolean wireSelected(String wireId) {
        return wireId.equals(selection.wireProperty().get());
    }

    @Override
    public boolean marked(String itemId) {
        Set<String> marked = marks.markedProperty().get();
        if (marked.isEmpty()) {
            return false;
        }
        if (document.group(itemId).isEmpty()) {
            return marked.contains(itemId);
        }
        return GroupTree.allMembers(document, itemId).stream().anyMatch(marked::contains);
    }
}
