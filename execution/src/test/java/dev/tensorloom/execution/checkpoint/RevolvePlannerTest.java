package dev.tensorloom.execution.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevolvePlannerTest {

    @Test
    void everySmallScheduleIsValidOptimalAndWithinSlots() {
        for (int s = 1; s <= 10; s++) {
            for (int l = 1; l <= 200; l++) {
                ChainSchedule schedule = RevolvePlanner.plan(l, s);
                ChainScheduleSimulator.Result run = ChainScheduleSimulator.run(schedule);
                String at = "l=" + l + " s=" + s;
                assertEquals(RevolveFormula.minAdvances(l, s), run.advances(), at);
                assertEquals(run.advances(), schedule.advances(), at);
                assertEquals(run.peakSlots(), schedule.peakSlots(), at);
                assertTrue(run.peakSlots() <= s, at);
            }
        }
    }

    @Test
    void firstCandidateSplitIsAlwaysOptimal() {
        // The planner falls back to a scan; this shows the fallback is never needed here.
        for (int s = 1; s <= 10; s++) {
            for (int l = 2; l <= 200; l++) {
                assertTrue(RevolvePlanner.isOptimalSplit(l, s, RevolvePlanner.firstCandidateSplit(l, s)), "l=" + l + " s=" + s);
            }
        }
    }

    @Test
    void threeStepsTwoSlotsIsTheTextbookSchedule() {
        List<ChainAction> expected = List.of(
                ChainAction.takeSnapshot(0, 0),
                ChainAction.advance(0, 1),
                ChainAction.takeSnapshot(1, 1),
                ChainAction.advance(1, 2),
                ChainAction.reverse(2, true),
                ChainAction.restore(1, 1),
                ChainAction.reverse(1, false),
                ChainAction.free(1, 1),
                ChainAction.restore(0, 0),
                ChainAction.reverse(0, false),
                ChainAction.free(0, 0));
        ChainSchedule schedule = RevolvePlanner.plan(3, 2);
        assertEquals(expected, schedule.actions());
        assertEquals(2, schedule.advances());
        assertEquals(2, schedule.peakSlots());
    }

    @Test
    void largerChainsStayOptimal() {
        int[][] cases = {{1000, 5}, {5000, 3}, {2000, 1}, {10_000, 20}};
        for (int[] c : cases) {
            ChainSchedule schedule = RevolvePlanner.plan(c[0], c[1]);
            ChainScheduleSimulator.Result run = ChainScheduleSimulator.run(schedule);
            assertEquals(RevolveFormula.minAdvances(c[0], c[1]), run.advances());
            assertTrue(run.peakSlots() <= c[1]);
        }
    }

    @Test
    void simulatorWeighsSnapshotsAndTapes() {
        // l=3, s=2 holds states 0 and 1 while reversing step 2 (tape 100): 1 + 10 + 100.
        ChainScheduleSimulator.Result run = ChainScheduleSimulator.run(RevolvePlanner.plan(3, 2),
                state -> state == 0 ? 1 : 10, step -> 100);
        assertEquals(111, run.peakBytes());
    }

    @Test
    void simulatorRejectsReverseWithoutItsState() {
        ChainSchedule bad = new ChainSchedule(2, 1, List.of(
                ChainAction.takeSnapshot(0, 0),
                ChainAction.advance(0, 1),
                ChainAction.reverse(1, true),
                ChainAction.reverse(0, false),
                ChainAction.free(0, 0)), 1, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChainScheduleSimulator.run(bad));
        assertTrue(e.getMessage().contains("action 3"), e.getMessage());
    }

    @Test
    void simulatorRejectsTooManySlotsAndOutOfOrderReverses() {
        ChainSchedule tooMany = new ChainSchedule(2, 1, List.of(
                ChainAction.takeSnapshot(0, 0),
                ChainAction.advance(0, 1),
                ChainAction.takeSnapshot(1, 1),
                ChainAction.reverse(1, true),
                ChainAction.free(1, 1),
                ChainAction.restore(0, 0),
                ChainAction.reverse(0, false),
                ChainAction.free(0, 0)), 1, 2);
        assertThrows(IllegalStateException.class, () -> ChainScheduleSimulator.run(tooMany));
        ChainSchedule wrongOrder = new ChainSchedule(2, 1, List.of(
                ChainAction.reverse(0, false)), 0, 0);
        assertThrows(IllegalStateException.class, () -> ChainScheduleSimulator.run(wrongOrder));
        ChainSchedule unfinished = new ChainSchedule(1, 1, List.of(ChainAction.takeSnapshot(0, 0)), 0, 1);
        assertThrows(IllegalStateException.class, () -> ChainScheduleSimulator.run(unfinished));
    }
}
