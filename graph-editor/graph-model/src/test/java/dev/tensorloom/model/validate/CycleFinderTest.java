package dev.tensorloom.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CycleFinderTest {
    private static Wire wire(String id, String from, String to) {
        return new Wire(id, new PortRef(from, "out"), new PortRef(to, "in"));
    }

    @Test
    void findsTheNodesOfACycle() {
        List<Wire> wires = List.of(wire("w1", "d", "a"), wire("w2", "a", "b"), wire("w3", "b", "c"),
                wire("w4", "c", "a"));

        Optional<List<String>> cycle = Validator.findCycle(List.of("a", "b", "c", "d"), wires);

        assertEquals(List.of("a", "b", "c"), cycle.orElseThrow());
        Problem p = Validator.cycleProblem(cycle.get());
        assertEquals(Problem.Kind.CYCLE, p.kind());
        assertEquals("the wires form a cycle: a -> b -> c -> a", p.message());
    }

    @Test
    void selfLoopIsACycleOfOne() {
        assertEquals(List.of("a"), Validator.findCycle(List.of("a"), List.of(wire("w1", "a", "a"))).orElseThrow());
    }

    @Test
    void diamondHasNoCycle() {
        List<Wire> wires = List.of(wire("w1", "a", "b"), wire("w2", "a", "c"), wire("w3", "b", "d"),
                wire("w4", "c", "d"));
        assertTrue(Validator.findCycle(List.of("a", "b", "c", "d"), wires).isEmpty());
    }

    @Test
    void longChainDoesNotOverflowTheStack() {
        List<String> ids = new ArrayList<>();
        List<Wire> wires = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add("n" + i);
            if (i > 0) {
                wires.add(wire("w" + i, "n" + (i - 1), "n" + i));
            }
        }
        assertTrue(Validator.findCycle(ids, wires).isEmpty());
        wires.add(wire("back", "n19999", "n0"));
        assertEquals(20_000, Validator.findCycle(ids, wires).orElseThrow().size());
    }
}
