package dev.tensorloom.canvas.state;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.model.doc.PortRef;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the application paints on a canvas's items and wires: annotations (badges, shapes, problems),
 * memory-replay states, faulty wires and marked blocks. Each is an immutable copy, replaced whole, so
 * the skin compares before and after and redresses only what changed.
 */
public final class CanvasMarks {
    private final ReadOnlyObjectWrapper<Map<String, NodeAnnotation>> annotations;
    private final ReadOnlyObjectWrapper<Map<String, String>> states;
    private final ReadOnlyObjectWrapper<Set<PortRef>> problemInputs;
    private final ReadOnlyObjectWrapper<Set<String>> marked;

    /** The properties name {@code bean} (the canvas control) as theirs. */
    public CanvasMarks(Object bean) {
        annotations = new ReadOnlyObjectWrapper<>(bean, "annotations", Map.of());
        states = new ReadOnlyObjectWrapper<>(bean, "nodeStates", Map.of());
        problemInputs = new ReadOnlyObjectWrapper<>(bean, "problemInputs", Set.of());
        marked = new ReadOnlyObjectWrapper<>(bean, "markedNodes", Set.of());
    }

    /** Badges, output shapes and problems per node id; nodes missing from the map show none. */
    public void setAnnotations(Map<String, NodeAnnotation> values) {
        annotations.set(Map.copyOf(values));
    }

    public ReadOnlyObjectProperty<Map<String, NodeAnnotation>> annotationsProperty() {
        return annotations.getReadOnlyProperty();
    }

    /** Memory-replay state per node id; each becomes the style class {@link CanvasStyles#stateClass}. */
    public void setStates(Map<String, String> values) {
        states.set(Map.copyOf(values));
    }

    public ReadOnlyObjectProperty<Map<String, String>> statesProperty() {
        return states.getReadOnlyProperty();
    }

    /** The input ports whose wires are drawn as faulty ({@link CanvasStyles#WIRE_PROBLEM}). */
    public void setProblemInputs(Set<PortRef> inputs) {
        problemInputs.set(Set.copyOf(inputs));
    }

    public ReadOnlyObjectProperty<Set<PortRef>> problemInputsProperty() {
        return problemInputs.getReadOnlyProperty();
    }

    /** The blocks drawn with the marked outline ({@link CanvasStyles#MARKED}). */
    public void setMarked(Set<String> ids) {
        marked.set(Set.copyOf(ids));
    }

    public ReadOnlyObjectProperty<Set<String>> markedProperty() {
        return marked.getReadOnlyProperty();
    }
}
