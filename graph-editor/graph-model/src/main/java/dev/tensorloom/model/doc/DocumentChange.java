package dev.tensorloom.model.doc;

/** What changed in a {@link Document}; listeners patch only what a change names. */
public sealed interface DocumentChange {
    /** A node was added. */
    record NodeAdded(Node node) implements DocumentChange { }

    /** A node was removed (its wires were removed first, each with its own event). */
    record NodeRemoved(Node node) implements DocumentChange { }

    /** A node was replaced by a modified copy with the same id. */
    record NodeChanged(Node before, Node after) implements DocumentChange { }

    /** A wire was added. */
    record WireAdded(Wire wire) implements DocumentChange { }

    /** A wire was removed. */
    record WireRemoved(Wire wire) implements DocumentChange { }

    /** A group was added, changed ({@code before} and {@code after} set) or removed ({@code after} null). */
    record GroupChanged(Group before, Group after) implements DocumentChange { }

    /** The training configuration was replaced. */
    record ConfigChanged(TrainingConfig before, TrainingConfig after) implements DocumentChange { }
}
