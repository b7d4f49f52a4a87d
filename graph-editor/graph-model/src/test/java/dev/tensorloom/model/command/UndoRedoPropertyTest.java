package dev.tensorloom.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random edit sequences: undoing all returns the exact start, redoing all the exact end. */
class UndoRedoPropertyTest {
    private static final String[] TYPES = {"linear", "relu", "attention", "layernorm"};
    private static final String[] PORTS = {"in", "out", "skip"};

    /** One random edit; the numbers pick nodes, ports and values from whatever the document holds then. */
    record Op(int kind, int a, int b, int c) { }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 1000);
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 11), n, n, n).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void undoAllAndRedoAllRestoreExactSnapshots(@ForAll("ops") List<Op> ops) {
        Document doc = new Document();
        doc.addNode(new Node("seed1", "linear", "Seed", Map.of("out", 8L), new Position(1, 2), null));
        UndoStack stack = new UndoStack(doc);
        Document.Snapshot start = doc.snapshot();
        for (Op op : ops) {
            Document.Snapshot before = doc.snapshot();
            try {
                stack.push(commandFor(doc, op));
            } catch (GraphEditException refused) {
                assertEquals(before, doc.snapshot(), "refused " + op + " changed the document");
            }
        }
        Document.Snapshot end = doc.snapshot();
        while (stack.canUndo()) {
            stack.undo();
        }
        assertEquals(start, doc.snapshot());
        while (stack.canRedo()) {
            stack.redo();
        }
        assertEquals(end, doc.snapshot());
    }

    private static Command commandFor(Document doc, Op op) {
        List<Node> nodes = new ArrayList<>(doc.nodes());
        List<Wire> wires = new ArrayList<>(doc.wires());
        String someNode = nodes.isEmpty() ? "none" : nodes.get(op.a() % nodes.size()).id();
        String otherNode = nodes.isEmpty() ? "none" : nodes.get(op.b() % nodes.size()).id();
        switch (op.kind()) {
            case 0, 1 -> {
                String type = TYPES[op.a() % TYPES.length];
                return new AddNode(new Node(doc.freshId(type), type, null, Map.of("k", (long) op.b()),
                        new Position(op.b(), op.c()), null));
            }
            case 2, 3 -> {
                return new Connect(new PortRef(someNode, PORTS[op.c() % 3]), new PortRef(otherNode, PORTS[(op.c() / 3) % 3]));
            }
            case 4 -> {
                Object value = switch (op.c() % 4) {
                    case 0 -> (long) op.b();
                    case 1 -> op.b() / 7.0;
                    case 2 -> op.b() % 2 == 0;
                    default -> "v" + op.b();
                };
                return new SetParameter(someNode, op.c() % 5 == 0 ? "k" : "p" + (op.b() % 3), value);
            }
            case 5 -> {
                return MoveNodes.by(doc, List.of(someNode, otherNode), op.c() - 500, op.b() / 3.0);
            }
            case 6 -> {
                return new Rename(someNode, "label " + op.c());
            }
            case 7 -> {
                return new GroupNodes(List.of(someNode, otherNode), "g" + op.c());
            }
            case 8 -> {
                return new RemoveNodes(op.c() % 2 == 0 ? List.of(someNode) : List.of(someNode, otherNode));
            }
            case 9 -> {
                return wires.isEmpty() ? new Disconnect("w0") : new Disconnect(wires.get(op.a() % wires.size()).id());
            }
            case 10 -> {
                return new Paste(Fragment.copyOf(doc, nodes.isEmpty() ? List.of() : List.of(someNode, otherNode)),
                        op.c(), op.c());
            }
            default -> {
                return new SetTrainingConfig(TrainingConfig.DEFAULT.withSteps(op.c()));
            }
        }
    }
}
