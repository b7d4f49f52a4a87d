package dev.tensorloom.studio.editor;

import javafx.scene.input.DataFormat;

/** The drag-and-drop format for a block type id dragged from the palette onto the editor. */
public final class BlockDrag {
    /** Same identifier the graph canvas accepts, so a palette drag drops straight onto it. */
    public static final DataFormat FORMAT = lookup("application/x-tensorloom-block-type");

    private BlockDrag() {
    }

    private static DataFormat lookup(String id) {
        DataFormat existing = DataFormat.lookupMimeType(id);
        return existing != null ? existing : new DataFormat(id);
    }
}
