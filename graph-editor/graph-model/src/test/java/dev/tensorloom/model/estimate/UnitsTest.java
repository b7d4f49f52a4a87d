package dev.tensorloom.model.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void parameters() {
        assertEquals("0 params", Units.params(0));
        assertEquals("1 param", Units.params(1));
        assertEquals("999 params", Units.params(999));
        assertEquals("1.0 k params", Units.params(1000));
        assertEquals("1.2 M params", Units.params(1_234_567));
        assertEquals("7.0 G params", Units.params(7_000_000_000L));
    }

    @Test
    void flops() {
        assertEquals("950 FLOP", Units.flops(950));
        assertEquals("38.5 MFLOP", Units.flops(38.5e6));
        assertEquals("1.2 GFLOP", Units.flops(1.2e9));
        assertEquals("3.0 PFLOP", Units.flops(3e15));
    }

    @Test
    void bytesUseBinaryPrefixes() {
        assertEquals("512 B", Units.bytes(512));
        assertEquals("1.5 KiB", Units.bytes(1536));
        assertEquals("12.3 MiB", Units.bytes(Math.round(12.3 * 1024 * 1024)));
        assertEquals("2.0 GiB", Units.bytes(2L << 30));
    }

    @Test
    void roundingUpMovesToTheNextUnit() {
        assertEquals("1.0 M params", Units.params(999_960));
        assertEquals("1.0 MiB", Units.bytes(1024 * 1024 - 10));
    }
}
