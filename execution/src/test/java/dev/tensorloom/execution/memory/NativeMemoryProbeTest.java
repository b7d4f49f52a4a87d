package dev.tensorloom.execution.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NativeMemoryProbeTest {

    private static final long BLOCK = 100L << 20;

    @Test
    void seesAHundredMebibyteMallocAndItsFree() {
        NativeMemoryProbe probe = NativeMemoryProbe.system();
        assumeTrue(probe.available(), "mallinfo2 not available on this platform");
        long before = probe.inUseBytes().getAsLong();
        Memory block = new Memory(BLOCK);
        block.setByte(BLOCK - 1, (byte) 1);
        long during = probe.inUseBytes().getAsLong();
        block.close();
        long after = probe.inUseBytes().getAsLong();
        long delta = during - before;
        assertTrue(Math.abs(delta - BLOCK) <= BLOCK / 20, "measured +" + delta + " bytes for a 100 MiB block");
        assertTrue(during - after >= BLOCK * 95 / 100, "freeing released only " + (during - after) + " bytes");
    }

    @Test
    void unavailableProbeReportsNothing() {
        NativeMemoryProbe probe = NativeMemoryProbe.unavailable();
        assertFalse(probe.available());
        assertEquals(OptionalLong.empty(), probe.inUseBytes());
    }
}
