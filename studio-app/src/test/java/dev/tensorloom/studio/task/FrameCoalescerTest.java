package dev.tensorloom.studio.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCoalescerTest {
    private static final long MS = 1_000_000;

    @Test
    void workPostedBeforeTheDrainRunsInOneUiTaskInOrder() {
        List<Runnable> uiTasks = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        FrameCoalescer frames = new FrameCoalescer(uiTasks::add);
        frames.post(() -> ran.add("charts"));
        frames.post(() -> ran.add("heatmap"));
        assertEquals(1, uiTasks.size(), "one UI task for both views");
        uiTasks.get(0).run();
        assertEquals(List.of("charts", "heatmap"), ran);
        frames.post(() -> ran.add("next"));
        assertEquals(2, uiTasks.size(), "work after a drain asks for a new one");
        uiTasks.get(1).run();
        assertEquals(List.of("charts", "heatmap", "next"), ran);
    }

    @Test
    void deliveriesWaitForTheNextSharedTick() {
        // First delivery (no wait asked): the next multiple of 50 ms after now.
        assertEquals(1000 * MS, FrameCoalescer.tickFor(970 * MS, 0, 50 * MS));
        assertEquals(1050 * MS, FrameCoalescer.tickFor(1000 * MS, 0, 50 * MS), "strictly after now");
        // Flushed 3 ms after tick 1000, asked to wait until 1053: the tick at 1050 is close enough.
        assertEquals(1050 * MS, FrameCoalescer.tickFor(1010 * MS, 43 * MS, 50 * MS));
        // A UI thread 30 ms late spaces the next delivery a whole tick further.
        assertEquals(1100 * MS, FrameCoalescer.tickFor(1040 * MS, 40 * MS, 50 * MS));
    }
}
