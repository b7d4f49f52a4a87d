package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Position;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Moves nodes at the end of one drag gesture: during the drag only the view moves, then this one
 * command records where each node came from and went to.
 */
public final class MoveNodes extends RecordedCommand {
    /** Where one node was when the gesture started and where it was dropped. */
    public record Move(Position from, Position to) {
        public Move {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    private final Map<String, Move> moves;

    public MoveNodes(Map<String, Move> moves) {
        this.moves = Map.copyOf(moves);
    }

    /** Moves every given node by the same offset from where it is now in the document. */
    public static MoveNodes by(Document doc, java.util.Collection<String> nodeIds, double dx, double dy) {
        Map<String, Move> moves = new TreeMap<>();
        for (String id : nodeIds) {
            Position from = doc.requireNode(id).position();
            moves.put(id, new Move(from, from.translate(dx, dy)));
        }
        return new MoveNodes(moves);
    }

    public Map<String, Move> moves() {
        return moves;
    }

    @Override
    protected void perform(Document doc) {
        for (Map.Entry<String, Move> e : new TreeMap<>(moves).entrySet()) {
            doc.replaceNode(doc.requireNode(e.getKey()).withPosition(e.getValue().to()));
        }
    }

    @Override
    public String description() {
        return moves.size() == 1 ? "Move " + moves.keySet().iterator().next() : "Move " + moves.size() + " nodes";
    }
}
