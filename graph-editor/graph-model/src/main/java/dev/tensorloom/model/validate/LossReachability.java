package dev.tensorloom.model.validate;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** The nodes from which some loss node can be reached along wires: the part of a graph training will update. */
final class LossReachability {
    private LossReachability() {
    }

    /** Walks wires backwards from every loss node; linear in nodes plus wires. */
    static Set<String> nodesReaching(Document doc, Set<String> lossNodes) {
        Set<String> seen = new HashSet<>(lossNodes);
        Deque<String> todo = new ArrayDeque<>(lossNodes);
        while (!todo.isEmpty()) {
            for (Wire w : doc.incoming(todo.pop())) {
                if (seen.add(w.from().nodeId())) {
                    todo.push(w.from().nodeId());
                }
            }
        }
        return seen;
    }
}
