package dev.tensorloom.execution.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The agreement rule against hand-computed tolerances: 8 KiB plus 2% of the smaller reading. */
class ReadingQuorumTest {

    @Test
    void theLargestAgreeingGroupIsTheReproducedReading() {
        // 129500..133000 agree (3500 <= 8192 + 2590); the two foreign readings agree with each other but are fewer.
        long[] readings = {1_000_000, 131_072, 133_000, 990_000, 129_500, -3_700_000};
        assertArrayEquals(new long[] {129_500, 131_072, 133_000}, ReadingQuorum.largestAgreeingGroup(readings));
        assertArrayEquals(new long[] {5}, ReadingQuorum.largestAgreeingGroup(new long[] {5, 50_000}));
    }

    @Test
    void readingsAgreeWithinEightKibibytesAndTwoPercent() {
        assertTrue(ReadingQuorum.agree(100_000, 100_000 + 8192 + 2000));
        assertFalse(ReadingQuorum.agree(100_000, 100_000 + 8192 + 2001));
        assertTrue(ReadingQuorum.agree(-10_000, -10_000 + 8192 + 200));
        assertFalse(ReadingQuorum.agree(-10_000, -10_000 + 8192 + 201));
    }

    @Test
    void aRepetitionCountsWhenItLeftMemoryWhereItFoundIt() {
        // 64 KiB plus 8 KiB per step: 168 KiB for 13 steps.
        assertTrue(ReadingQuorum.counts(168 << 10, 13));
        assertFalse(ReadingQuorum.counts((168 << 10) + 1, 13));
        assertTrue(ReadingQuorum.counts(-(168 << 10), 13));
        assertFalse(ReadingQuorum.counts(-(168 << 10) - 1, 13));
    }

    @Test
    void settlingPrefersAQuorumOfCountedThenOfAllThenTheMedian() {
        long[] counted = {130_000, 131_000, 131_500, 700_000};
        long[] all = {130_000, 131_000, 131_500, 700_000, 900_000};
        assertEquals(131_000, ReadingQuorum.settle(counted, all));
        assertEquals(130_500, ReadingQuorum.settle(new long[] {700_000, 900_000},
                new long[] {700_000, 130_000, 900_000, 130_500, 131_000}));
        assertEquals(300_000, ReadingQuorum.settle(new long[] {100_000, 300_000, 900_000},
                new long[] {100_000, 300_000, 900_000, 50_000}));
        assertEquals(300_000, ReadingQuorum.settle(new long[0], new long[] {100_000, 300_000, 900_000}));
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleReading() {
        assertEquals(2, ReadingQuorum.median(new long[] {4, 1, 2, 3}));
        assertEquals(3, ReadingQuorum.median(new long[] {5, 3, 1}));
    }
}
