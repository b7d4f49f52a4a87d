package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensorloom.canvas.layout.ElkAutoLayout;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** ELK's warm-up runs all its rounds when nobody waits, and stops after the current one when a layout does. */
class LayoutWarmUpTest {
    @Test
    void theWarmUpStopsBetweenRoundsOnceALayoutWaits() {
        AtomicInteger asked = new AtomicInteger();
        ElkAutoLayout.warmUp(() -> asked.incrementAndGet() > 1);
        // Asked before rounds 1 and 2: round 1 ran, round 2 did not.
        assertEquals(2, asked.get());

        AtomicInteger never = new AtomicInteger();
        ElkAutoLayout.warmUp(() -> never.incrementAndGet() < 0);
        assertEquals(ElkAutoLayout.WARM_UP_ROUNDS, never.get());
    }
}
