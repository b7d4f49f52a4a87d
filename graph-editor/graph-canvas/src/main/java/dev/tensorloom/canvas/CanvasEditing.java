package dev.tensorloom.canvas;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.ParamSpec;
import dev.tensorloom.model.command.AddNode;
import dev.tensorloom.model.command.Command;
import dev.tensorloom.model.command.CompoundCommand;
import dev.tensorloom.model.command.Disconnect;
import dev.tensorloom.model.command.Fragment;
import dev.tensorloom.model.command.GroupNodes;
import dev.tensorloom.model.command.Paste;
import dev.tensorloom.model.command.RemoveNodes;
import dev.tensorloom.model.command.Ungroup;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectFileException;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.model.io.ProjectWriter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canvas's edits expressed as commands on the undo stack, without any JavaFX: delete, copy,
 * paste, group, ungroup, add, disconnect. Each method either pushes one command or throws a
 * {@link GraphEditException} with the message to show.
 */
final class CanvasEditing {
    /** How far a paste lands from the copied nodes, in canvas units. */
    static final double PASTE_OFFSET = 40;
    /** How many steps a new node or paste moves at most to find a free spot. */
    private static final int MAX_NUDGES = 50;

    private final Document doc;
    private final UndoStack stack;
    private final BlockCatalog catalog;

    CanvasEditing(UndoStack stack, BlockCatalog catalog) {
        this.doc = stack.document();
        this.stack = stack;
        this.catalog = catalog;
    }

    void push(Command command) {
        stack.push(command);
    }

    void delete(Collection<String> nodeIds) {
        if (!nodeIds.isEmpty()) {
            stack.push(new RemoveNodes(nodeIds));
        }
    }

    /** Removes one wire. */
    void disconnect(String wireId) {
        stack.push(new Disconnect(wireId));
    }

    /** Removes the wire into an input, or every wire out of an output, as one command; returns how many went. */
    int disconnect(PortRef port, boolean input) {
        java.util.List<Command> steps = doc.wires().stream()
                .filter(w -> input ? w.to().equals(port) : w.from().equals(port))
                .map(w -> (Command) new Disconnect(w.id()))
                .toList();
        if (!steps.isEmpty()) {
            stack.push(steps.size() == 1 ? steps.get(0) : new CompoundCommand("Disconnect " + port, steps));
        }
        return steps.size();
    }

    /** Project JSON of the selected nodes, the wires among them and their groups. */
    String copy(Collection<String> nodeIds) {
        Fragment fragment = Fragment.copyOf(doc, nodeIds);
        return ProjectWriter.toJson(new Project("clipboard", fragment.toDocument()));
    }

    /** Pastes project JSON with fresh ids; returns the ids of the new nodes. */
    Set<String> paste(String json, String scope) {
        Project project;
        try {
            project = ProjectReader.fromJson(json == null ? "" : json, "clipboard");
        } catch (ProjectFileException e) {
            throw new GraphEditException("the clipboard does not hold Tensorloom blocks (" + e.getMessage() + ")");
        }
        Fragment fragment = Fragment.of(project.document());
        if (fragment.nodes().isEmpty()) {
            throw new GraphEditException("the clipboard holds no blocks");
        }
        // Each paste lands one step further down and right while the spot is taken, so pasting twice does not
        // stack the second copy exactly on the first.
        double offset = PASTE_OFFSET;
        Position first = fragment.nodes().get(0).position();
        for (int i = 0; i < MAX_NUDGES && taken(new Position(first.x() + offset, first.y() + offset)); i++) {
            offset += PASTE_OFFSET;
        }
        Paste paste = new Paste(fragment, offset, offset, scope);
        stack.push(paste);
        Set<String> pasted = new LinkedHashSet<>();
        fragment.nodes().forEach(n -> pasted.add(paste.newIds().get(n.id())));
        return pasted;
    }

    /** Makes the items (nodes and groups of one level) a collapsed group; returns its id. */
    String group(Collection<String> itemIds) {
        GroupNodes command = new GroupNodes(itemIds, "Block", true);
        stack.push(command);
        return command.groupId();
    }

    /** Dissolves every group one of the nodes belongs to; returns whether there was any. */
    boolean ungroup(Collection<String> nodeIds) {
        Set<String> groups = new java.util.TreeSet<>();
        for (String id : nodeIds) {
            doc.node(id).map(Node::group).ifPresent(groups::add);
            doc.group(id).ifPresent(g -> groups.add(g.id()));
        }
        if (groups.isEmpty()) {
            return false;
        }
        if (groups.size() == 1) {
            stack.push(new Ungroup(groups.iterator().next()));
        } else {
            stack.push(new dev.tensorloom.model.command.CompoundCommand("Ungroup " + groups.size() + " groups",
                    groups.stream().<Command>map(Ungroup::new).toList()));
        }
        return true;
    }

    /** Adds a node of this type with default parameters at {@code at}; returns its id. */
    String add(String typeId, Position at, String scope) {
        BlockType type = catalog.find(typeId)
                .orElseThrow(() -> new GraphEditException("unknown block type '" + typeId + "'"));
        Map<String, Object> params = new TreeMap<>();
        for (ParamSpec p : type.params()) {
            if (p.defaultValue() != null) {
                params.put(p.name(), p.defaultValue() instanceof Integer i ? Long.valueOf(i) : p.defaultValue());
            }
        }
        String id = doc.freshId(typeId);
        stack.push(new AddNode(new Node(id, typeId, id, params, freeSpot(at), scope)));
        return id;
    }

    /** {@code at}, or the first spot down and right of it that no node's corner is on (adding twice at the centre). */
    Position freeSpot(Position at) {
        Position spot = at;
        for (int i = 0; i < MAX_NUDGES && taken(spot); i++) {
            spot = new Position(spot.x() + PASTE_OFFSET, spot.y() + PASTE_OFFSET);
        }
        return spot;
    }

    /** Whether a node's top-left corner is within half a nudge of {@code spot}. */
    private boolean taken(Position spot) {
        for (Node n : doc.nodes()) {
            if (Math.abs(n.position().x() - spot.x()) < PASTE_OFFSET / 2
                    && Math.abs(n.position().y() - spot.y()) < PASTE_OFFSET / 2) {
                return true;
            }
        }
        return false;
    }
}
