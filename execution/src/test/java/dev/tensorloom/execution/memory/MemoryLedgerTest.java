package dev.tensorloom.execution.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryLedgerTest {

    @Test
    void tracksCurrentAndPeak() {
        MemoryLedger ledger = new MemoryLedger();
        ledger.add("a", 100);
        ledger.add("b", 50);
        assertEquals(150, ledger.current());
        assertEquals(100, ledger.remove("a"));
        ledger.add("c", 20);
        assertEquals(70, ledger.current());
        assertEquals(150, ledger.peak());
        ledger.resetPeak();
        assertEquals(70, ledger.peak());
    }

    @Test
    void rejectsDoubleAddsUnknownRemovesAndNegativeSizes() {
        MemoryLedger ledger = new MemoryLedger();
        ledger.add("a", 1);
        assertThrows(IllegalStateException.class, () -> ledger.add("a", 1));
        assertThrows(IllegalStateException.class, () -> ledger.remove("b"));
        assertThrows(IllegalArgumentException.class, () -> ledger.add("c", -1));
        assertEquals(1, ledger.current());
    }
}
