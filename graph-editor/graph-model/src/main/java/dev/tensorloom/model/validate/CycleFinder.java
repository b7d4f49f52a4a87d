package dev.tensorloom.model.validate;

import dev.tensorloom.model.doc.Wire;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds one directed cycle in raw node and wire lists, before they are loaded into a {@link
 * dev.tensorloom.model.doc.Document} (which refuses cycles). Iterative depth-first search, so a long
 * chain in a file cannot overflow the stack.
 */
final class CycleFinder {
    private CycleFinder() {
    }

    static Optional<List<String>> find(Collection<String> nodeIds, Collection<Wire> wires) {
        Map<String, List<String>> successors = new LinkedHashMap<>();
        for (String id : nodeIds) {
            successors.computeIfAbsent(id, k -> new ArrayList<>());
        }
        for (Wire w : wires) {
            successors.computeIfAbsent(w.from().nodeId(), k -> new ArrayList<>()).add(w.to().nodeId());
            successors.computeIfAbsent(w.to().nodeId(), k -> new ArrayList<>());
        }
        Set<String> finished = new java.util.HashSet<>();
        for (String start : successors.keySet()) {
            if (finished.contains(start)) {
                continue;
            }
            Optional<List<String>> cycle = search(start, successors, finished);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    /** Depth-first from {@code start}; the nodes on the current path are the ones that close a cycle. */
    private static Optional<List<String>> search(String start, Map<String, List<String>> successors,
            Set<String> finished) {
        LinkedHashSet<String> path = new LinkedHashSet<>();
        Deque<String> pathStack = new ArrayDeque<>();
        Deque<Iterator<String>> next = new ArrayDeque<>();
        path.add(start);
        pathStack.push(start);
        next.push(successors.get(start).iterator());
        while (!next.isEmpty()) {
            Iterator<String> it = next.peek();
            if (!it.hasNext()) {
                next.pop();
                String done = pathStack.pop();
                path.remove(done);
                finished.add(done);
                continue;
            }
            String v = it.next();
            if (path.contains(v)) {
                return Optional.of(cycleFrom(v, path));
            }
            if (!finished.contains(v)) {
                path.add(v);
                pathStack.push(v);
                next.push(successors.get(v).iterator());
            }
        }
        return Optional.empty();
    }

    private static List<String> cycleFrom(String first, LinkedHashSet<String> path) {
        List<String> cycle = new ArrayList<>();
        boolean on = false;
        for (String id : path) {
            on |= id.equals(first);
            if (on) {
                cycle.add(id);
            }
        }
        return cycle;
    }
}
