package dev.tensorloom.studio.editor;

import dev.tensorloom.model.composite.SavedBlock;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableSet;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

/**
 * What the studio needs from the graph editor in its centre: the control itself, the selection the
 * inspector follows, and the Edit and View menu actions. One implementation adapts the graph-canvas
 * control; it keeps menus and view models independent of that control's own API.
 */
public interface EditorCanvas {
    Node view();

    /** Ids of the selected nodes. */
    ObservableSet<String> selection();

    void zoomIn();

    void zoomOut();

    void zoomToFit();

    void autoLayout();

    BooleanProperty minimapVisibleProperty();

    /** The selected wire's id, or null; a wire is never selected beside nodes. */
    ReadOnlyObjectProperty<String> selectedWireProperty();

    void selectAll();

    void deleteSelection();

    /** The selection as project JSON for the clipboard, or empty when nothing is selected. */
    String copySelection();

    void paste(String json);

    void groupSelection();

    void ungroupSelection();

    /** Adds a block of this type in the middle of what is visible. */
    void addNodeAtCentre(String typeId);

    /** Adds a copy of a saved block, as a collapsed group, in the middle of what is visible. */
    void insertBlockAtCentre(SavedBlock block);

    /** The open group whose inside is shown, or null at the top level. */
    ReadOnlyObjectProperty<String> openGroupProperty();

    /** Shows the inside of a group (null: the whole model). */
    void openGroup(String groupId);

    /** Shows the level the open group sits in. */
    void closeGroup();

    /**
     * Brings a node into view: selects it (or the collapsed group it is seen as) and centres the view on it,
     * opening the group level that shows it when it lies outside the level shown.
     */
    void revealNode(String nodeId);

    /** A picture of the graph as shown, for File → Export picture. */
    WritableImage snapshot();
}
