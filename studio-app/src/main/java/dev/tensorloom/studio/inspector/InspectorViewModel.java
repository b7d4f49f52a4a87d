package dev.tensorloom.studio.inspector;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.ParamSpec;
import dev.tensorloom.model.command.Command;
import dev.tensorloom.model.command.CompoundCommand;
import dev.tensorloom.model.command.Rename;
import dev.tensorloom.model.command.SetParameter;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inspector: the parameters of the selected nodes. With one node, all its parameters and its
 * label; with several, the parameters their types share (same name and kind), edited on all of them
 * at once. Every edit is one undoable command: a {@link SetParameter}, or one
 * {@link CompoundCommand} of them for a multi-selection.
 */
public final class InspectorViewModel {
    private final Document document;
    private final UndoStack undoStack;
    private final BlockCatalog catalog;
    private final List<String> selection = new ArrayList<>();
    private final ObservableList<ParamField> fields = FXCollections.observableArrayList();
    // One read-only view, kept: a fresh wrapper per call is held only weakly by the list it wraps,
    // so listeners added to it would be collected with it.
    private final ObservableList<ParamField> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("Nothing selected");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper labelEditable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public InspectorViewModel(Document document, UndoStack undoStack, BlockCatalog catalog) {
        this.document = Objects.requireNonNull(document);
        this.undoStack = Objects.requireNonNull(undoStack);
        this.catalog = Objects.requireNonNull(catalog);
        document.addListener(change -> refresh());
    }

    /** Follows the editor's selection (node ids). */
    public void setSelection(Collection<String> nodeIds) {
        selection.clear();
        selection.addAll(new TreeSet<>(nodeIds));
        message.set("");
        refresh();
    }

    /**
     * Sets a parameter on every selected node that has it, as one undoable step. Numbers are clamped
     * into the parameter's range; a value that cannot be accepted leaves everything unchanged and
     * says why in {@link #messageProperty()}. Returns whether a command was pushed.
     */
    public boolean setValue(String name, Object raw) {
        Optional<ParamField> field = fields.stream().filter(f -> f.name().equals(name)).findFirst();
        if (field.isEmpty()) {
            return false;
        }
        ParamSpec spec = field.get().spec();
        Optional<Object> value = ParamCoercion.coerce(spec, raw);
        if (value.isEmpty()) {
            message.set(spec.check(raw).orElse(name + " cannot be " + raw));
            refresh();
            return false;
        }
        List<Command> steps = new ArrayList<>();
        for (Node node : selectedNodes()) {
            if (!value.get().equals(effectiveValue(node, spec))) {
                steps.add(new SetParameter(node.id(), name, value.get()));
            }
        }
        if (steps.isEmpty()) {
            refresh();
            return false;
        }
        Command command = steps.size() == 1 ? steps.get(0)
                : new CompoundCommand("Set " + name + " = " + value.get() + " on " + steps.size() + " nodes", steps);
        return push(command);
    }

    /** Renames the single selected node. */
    public boolean rename(String newLabel) {
        List<Node> nodes = selectedNodes();
        if (nodes.size() != 1 || nodes.get(0).label().equals(newLabel)) {
            return false;
        }
        return push(new Rename(nodes.get(0).id(), newLabel));
    }

    private boolean push(Command command) {
        try {
            undoStack.push(command);
            message.set("");
            return true;
        } catch (GraphEditException e) {
            message.set(e.getMessage());
            refresh();
            return false;
        }
    }

    private List<Node> selectedNodes() {
        return selection.stream().map(document::node).flatMap(Optional::stream).toList();
    }

    private static Object effectiveValue(Node node, ParamSpec spec) {
        Object v = node.param(spec.name());
        return v != null ? v : spec.defaultValue();
    }

    private void refresh() {
        List<Node> nodes = selectedNodes();
        labelEditable.set(nodes.size() == 1);
        label.set(nodes.size() == 1 ? nodes.get(0).label() : "");
        if (nodes.isEmpty()) {
            heading.set("Nothing selected");
            fields.clear();
            return;
        }
        List<BlockType> types = nodes.stream().map(n -> catalog.find(n.type()).orElse(null)).toList();
        if (types.contains(null)) {
            heading.set(nodes.size() == 1 ? nodes.get(0).id() + " — unknown block type '" + nodes.get(0).type() + "'"
                    : nodes.size() + " nodes, some of unknown type");
            fields.clear();
            return;
        }
        heading.set(headingFor(nodes, types));
        fields.setAll(sharedFields(nodes, types));
    }

    private static String headingFor(List<Node> nodes, List<BlockType> types) {
        if (nodes.size() == 1) {
            return nodes.get(0).label() + " — " + types.get(0).title();
        }
        long kinds = types.stream().map(BlockType::id).distinct().count();
        return nodes.size() + " nodes" + (kinds == 1 ? " (" + types.get(0).title() + ")" : ", shared parameters");
    }

    /** Parameters every selected type has with the same name and kind, in the first type's order. */
    private static List<ParamField> sharedFields(List<Node> nodes, List<BlockType> types) {
        Map<String, ParamSpec> shared = new LinkedHashMap<>();
        types.get(0).params().forEach(p -> shared.put(p.name(), p));
        for (BlockType t : types.subList(1, types.size())) {
            shared.values().removeIf(p -> t.param(p.name()).map(q -> q.type() != p.type()).orElse(true));
        }
        List<ParamField> out = new ArrayList<>();
        for (ParamSpec spec : shared.values()) {
            Object first = effectiveValue(nodes.get(0), spec);
            boolean mixed = nodes.stream().anyMatch(n -> !Objects.equals(effectiveValue(n, spec), first));
            out.add(new ParamField(spec, first, mixed));
        }
        return out;
    }

    public ObservableList<ParamField> fields() {
        return fieldsView;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty labelEditableProperty() {
        return labelEditable.getReadOnlyProperty();
    }

    /** Why the last edit was refused, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
