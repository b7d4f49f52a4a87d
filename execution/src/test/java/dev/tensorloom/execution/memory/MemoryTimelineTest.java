package dev.tensorloom.execution.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryTimelineTest {

    @Test
    void samplesFollowTheLedgerInOrder() {
        MemoryLedger ledger = new MemoryLedger();
        MemoryTimeline timeline = new MemoryTimeline(ledger, NativeMemoryProbe.unavailable());
        ledger.add("n1", 300);
        timeline.sample(MemoryPhase.FORWARD, "n1");
        ledger.add("n2", 200);
        timeline.sample(MemoryPhase.FORWARD, "n2");
        ledger.remove("n1");
        timeline.sample(MemoryPhase.DROP, "n1");
        List<MemorySample> samples = timeline.samples();
        assertEquals(List.of(0L, 1L, 2L), samples.stream().map(MemorySample::sequence).toList());
        assertEquals(List.of(300L, 500L, 200L), samples.stream().map(MemorySample::ledgerBytes).toList());
        assertEquals(MemoryPhase.DROP, samples.get(2).phase());
        assertEquals(500, timeline.peakLedgerBytes());
        assertEquals(OptionalLong.empty(), timeline.peakMeasuredBytes());
    }

    @Test
    void measuredPeakComesFromTheProbe() {
        MemoryTimeline timeline = new MemoryTimeline(new MemoryLedger(), NativeMemoryProbe.system());
        timeline.sample(MemoryPhase.BACKWARD, "x");
        assertEquals(NativeMemoryProbe.system().available(), timeline.peakMeasuredBytes().isPresent());
    }
}
