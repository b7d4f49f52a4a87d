package dev.tensorloom.studio.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {
    private final List<String> started = new ArrayList<>();
    private final OneAtATime<String> runs = new OneAtATime<>(started::add);

    @Test
    void aBurstWhileOneRunsCostsOneMoreRunWithTheNewestRequest() {
        runs.request("a");
        runs.request("b");
        runs.request("c");
        assertEquals(List.of("a"), started);
        assertTrue(runs.busy());
        runs.done();
        assertEquals(List.of("a", "c"), started, "b was replaced by c while a ran");
        runs.done();
        assertFalse(runs.busy());
        assertEquals(List.of("a", "c"), started);
    }

    @Test
    void aRunThatFinishesAtOnceLetsTheNextStartAtOnce() {
        OneAtATime<String>[] self = new OneAtATime[1];
        self[0] = new OneAtATime<>(v -> {
            started.add(v);
            self[0].done();
        });
        self[0].request("x");
        self[0].request("y");
        assertEquals(List.of("x", "y"), started);
        assertFalse(self[0].busy());
    }
}
