package dev.tensorloom.execution.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** Host readings count as measured memory on the CPU only; a GPU's figures are estimates. */
class DeviceMemoryTest {

    @Test
    void theCpuIsMeasuredWhereMallinfoExists() {
        MemoryBasis cpu = DeviceMemory.basis(Device.cpu(), NativeMemoryProbe.reading(() -> 1));
        assertEquals(MemoryBasis.Kind.MEASURED, cpu.kind());
        assertEquals("cpu()", cpu.device());
        assertTrue(cpu.describe().startsWith("cpu(): measured, native heap in use read by glibc mallinfo2()"),
                cpu.describe());
        MemoryBasis without = DeviceMemory.basis(Device.cpu(), NativeMemoryProbe.unavailable());
        assertEquals(MemoryBasis.Kind.ESTIMATED, without.kind());
        assertTrue(without.source().contains("no glibc mallinfo2()"), without.source());
    }

    @Test
    void aGpuIsNeverCalledMeasuredFromHostReadings() {
        MemoryBasis gpu = DeviceMemory.basis(Device.gpu(0), NativeMemoryProbe.reading(() -> 1));
        assertEquals(MemoryBasis.Kind.ESTIMATED, gpu.kind());
        assertTrue(gpu.describe().startsWith("gpu(0): estimated, nothing reads GPU memory"), gpu.describe());
        assertFalse(DeviceMemory.probeFor(Device.gpu(0)).available(), "profiling a GPU run reads nothing");
        assertSame(NativeMemoryProbe.system(), DeviceMemory.probeFor(Device.cpu()));
    }
}
