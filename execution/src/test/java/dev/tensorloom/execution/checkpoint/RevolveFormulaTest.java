package dev.tensorloom.execution.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevolveFormulaTest {

    @ParameterizedTest
    @CsvSource({"10,2,20", "10,3,15", "16,4,27", "100,10,222"})
    void matchesPublishedValues(int steps, int slots, long advances) {
        assertEquals(advances, RevolveFormula.minAdvances(steps, slots));
    }

    @Test
    void enoughSlotsMeansOneForwardSweepWithoutTheLastStep() {
        assertEquals(0, RevolveFormula.minAdvances(1, 1));
        assertEquals(9, RevolveFormula.minAdvances(10, 10));
        assertEquals(9, RevolveFormula.minAdvances(10, 1000));
    }

    @Test
    void oneSlotIsQuadratic() {
        for (int l = 1; l <= 300; l++) {
            assertEquals((long) l * (l - 1) / 2, RevolveFormula.minAdvances(l, 1), "l=" + l);
        }
    }

    @Test
    void formulaEqualsBruteForceForAllSmallChains() {
        RevolveBruteForce brute = new RevolveBruteForce(200, 10);
        for (int s = 1; s <= 10; s++) {
            for (int l = 1; l <= 200; l++) {
                assertEquals(brute.minAdvances(l, s), RevolveFormula.minAdvances(l, s), "l=" + l + " s=" + s);
            }
        }
    }

    @Test
    void betaIsTheBinomial() {
        assertEquals(10, RevolveFormula.beta(3, 2));
        assertEquals(1, RevolveFormula.beta(0, 5));
        assertEquals(0, RevolveFormula.beta(3, -1));
        assertEquals(78, RevolveFormula.beta(11, 2));
    }

    @Test
    void largeChainsDoNotOverflow() {
        // r = 2 for l = 1e9, s = 1e5: beta(s,1) = 100001 < 1e9 <= beta(s,2) ~ 5e9.
        assertEquals(2L * 1_000_000_000L - RevolveFormula.beta(100_001, 1),
                RevolveFormula.minAdvances(1_000_000_000, 100_000));
    }

    @Test
    void rejectsEmptyChainsAndNoSlots() {
        assertThrows(IllegalArgumentException.class, () -> RevolveFormula.minAdvances(0, 3));
        assertThrows(IllegalArgumentException.class, () -> RevolveFormula.minAdvances(5, 0));
    }
}
