package dev.tensorloom.studio.editor;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.AddNode;
import dev.tensorloom.model.command.Fragment;
import dev.tensorloom.model.command.GroupNodes;
import dev.tensorloom.model.command.Paste;
import dev.tensorloom.model.command.RemoveNodes;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.command.Ungroup;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectFileException;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.model.io.ProjectWriter;
import dev.tensorloom.studio.gallery.GraphPicture;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.image.WritableImage;
import javafx.scene.input.TransferMode;

/**
 * The editor's stand-in until the graph-canvas control is merged: a {@link GraphPicture} of the
 * document that selects by click and accepts palette drops, with every edit done through commands.
 * No wire drawing, zoom or layout: those belong to the canvas control.
 */
public final class PictureCanvas implements EditorCanvas {
    private final Document document;
    private final UndoStack undoStack;
    private final BlockCatalog catalog;
    private final GraphPicture picture = new GraphPicture();
    private final ObservableSet<String> selection = FXCollections.observableSet();
    private final BooleanProperty minimap = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public PictureCanvas(Document document, UndoStack undoStack, BlockCatalog catalog) {
        this.document = document;
        this.undoStack = undoStack;
        this.catalog = catalog;
        picture.getStyleClass().add("editor-canvas");
        picture.show(document);
        document.addListener(change -> {
            selection.removeIf(id -> !document.containsNode(id));
            picture.show(document);
            picture.markSelected(selection);
        });
        selection.addListener((SetChangeListener<String>) c -> picture.markSelected(selection));
        picture.setOnMouseClicked(e -> {
            if (!e.isShortcutDown()) {
                selection.clear();
            }
            picture.nodeAt(e.getX(), e.getY()).ifPresent(selection::add);
        });
        picture.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(BlockDrag.FORMAT)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        picture.setOnDragDropped(e -> {
            Object type = e.getDragboard().getContent(BlockDrag.FORMAT);
            if (type instanceof String id) {
                addNodeAt(id, nextFreePosition());
            }
            e.setDropCompleted(type != null);
            e.consume();
        });
    }

    @Override
    public javafx.scene.Node view() {
        return picture;
    }

    @Override
    public ObservableSet<String> selection() {
        return selection;
    }

    @Override
    public void zoomIn() {
        // The picture always fits the window; zoom arrives with the canvas control.
    }

    @Override
    public void zoomOut() {
        // See zoomIn.
    }

    @Override
    public void zoomToFit() {
        picture.requestLayout();
    }

    @Override
    public void autoLayout() {
        // The canvas control brings ELK layout.
    }

    @Override
    public BooleanProperty minimapVisibleProperty() {
        return minimap;
    }

    @Override
    public void selectAll() {
        selection.addAll(document.nodes().stream().map(Node::id).toList());
    }

    @Override
    public void deleteSelection() {
        if (!selection.isEmpty()) {
            run(new RemoveNodes(List.copyOf(selection)));
        }
    }

    @Override
    public String copySelection() {
        if (selection.isEmpty()) {
            return "";
        }
        return ProjectWriter.toJson(new Project("clipboard", Fragment.copyOf(document, selection).toDocument()));
    }

    @Override
    public void paste(String json) {
        try {
            Document pasted = ProjectReader.fromJson(json, "clipboard").document();
            run(new Paste(Fragment.of(pasted), 40, 40));
        } catch (ProjectFileException e) {
            message.set("Nothing to paste: " + e.getMessage());
        }
    }

    @Override
    public void groupSelection() {
        if (selection.size() > 1) {
            run(new GroupNodes(List.copyOf(selection), "Group"));
        }
    }

    @Override
    public void ungroupSelection() {
        selection.stream().map(document::node).flatMap(java.util.Optional::stream)
                .map(Node::group).filter(g -> g != null).distinct().toList()
                .forEach(g -> run(new Ungroup(g)));
    }

    @Override
    public void addNodeAtCentre(String typeId) {
        addNodeAt(typeId, nextFreePosition());
    }

    private void addNodeAt(String typeId, Position at) {
        if (catalog.find(typeId).isEmpty()) {
            message.set("unknown block type '" + typeId + "'");
            return;
        }
        String id = document.freshId(typeId);
        run(new AddNode(new Node(id, typeId, id, Map.of(), at, null)));
        selection.clear();
        selection.add(id);
    }

    /** Next to the rightmost node, so drops never stack on top of each other. */
    private Position nextFreePosition() {
        double maxX = document.nodes().stream().mapToDouble(n -> n.position().x()).max().orElse(-200);
        return new Position(document.nodeCount() == 0 ? 0 : maxX + 200, 0);
    }

    private void run(dev.tensorloom.model.command.Command command) {
        try {
            undoStack.push(command);
            message.set("");
        } catch (GraphEditException e) {
            message.set(e.getMessage());
        }
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public WritableImage snapshot() {
        return picture.snapshot(null, null);
    }
}
