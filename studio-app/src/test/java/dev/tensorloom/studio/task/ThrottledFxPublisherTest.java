package dev.tensorloom.studio.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottledFxPublisherTest {
    private static final long MS = 1_000_000;

    /** A manual clock and delayer: tasks run when the test advances time past their due time. */
    private static final class ManualTime {
        long now;
        final List<long[]> due = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();

        void after(long delay, Runnable task) {
            due.add(new long[] {now + delay});
            tasks.add(task);
        }

        void advanceTo(long t) {
            now = t;
            for (int i = 0; i < tasks.size(); i++) {
                if (due.get(i)[0] <= now) {
                    Runnable r = tasks.remove(i);
                    due.remove(i);
                    i--;
                    r.run();
                }
            }
        }
    }

    @Test
    void valuesOfOneIntervalArriveAsOneBatchInOrder() {
        ManualTime time = new ManualTime();
        List<List<Integer>> batches = new ArrayList<>();
        ThrottledFxPublisher<Integer> p = new ThrottledFxPublisher<>(50 * MS, () -> time.now, time::after,
                Runnable::run, batches::add);
        for (int i = 0; i < 100; i++) {
            p.offer(i);
        }
        assertEquals(1, time.tasks.size(), "one delivery scheduled for a burst");
        time.advanceTo(0);
        assertEquals(1, batches.size());
        assertEquals(100, batches.get(0).size());
        assertEquals(0, batches.get(0).get(0));
        assertEquals(99, batches.get(0).get(99));
    }

    @Test
    void deliveriesAreAtLeastOneIntervalApart() {
        ManualTime time = new ManualTime();
        List<Long> deliveredAt = new ArrayList<>();
        ThrottledFxPublisher<Integer> p = new ThrottledFxPublisher<>(50 * MS, () -> time.now, time::after,
                Runnable::run, b -> deliveredAt.add(time.now));
        // A value every millisecond for one second.
        for (int t = 0; t < 1000; t++) {
            time.advanceTo(t * MS);
            p.offer(t);
        }
        time.advanceTo(2000 * MS);
        assertTrue(deliveredAt.size() <= 21, "at most 20 per second, got " + deliveredAt.size());
        assertTrue(deliveredAt.size() >= 19, "still live, got " + deliveredAt.size());
        for (int i = 1; i < deliveredAt.size(); i++) {
            assertTrue(deliveredAt.get(i) - deliveredAt.get(i - 1) >= 50 * MS, "gap " + i);
        }
    }

    @Test
    void aQuietPublisherDeliversTheNextValueAtOnce() {
        ManualTime time = new ManualTime();
        List<List<Integer>> batches = new ArrayList<>();
        ThrottledFxPublisher<Integer> p = new ThrottledFxPublisher<>(50 * MS, () -> time.now, time::after,
                Runnable::run, batches::add);
        p.offer(1);
        time.advanceTo(0);
        time.advanceTo(500 * MS);
        p.offer(2);
        time.advanceTo(500 * MS);
        assertEquals(List.of(List.of(1), List.of(2)), batches);
    }

    @Test
    void realThreadsStayUnderTheRate() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor();
        List<Integer> received = new CopyOnWriteArrayList<>();
        List<Long> times = new CopyOnWriteArrayList<>();
        ThrottledFxPublisher<Integer> p = new ThrottledFxPublisher<>(50 * MS, System::nanoTime,
                (d, t) -> timer.schedule(t, d, TimeUnit.NANOSECONDS), ui::execute, b -> {
                    times.add(System.nanoTime());
                    received.addAll(b);
                });
        long end = System.nanoTime() + 500 * MS;
        int n = 0;
        while (System.nanoTime() < end) {
            p.offer(n++);
        }
        // The last batch is due 50 ms after the last offer; a loaded machine may be later, so wait for it
        // (up to 5 s) instead of a fixed sleep.
        long deadline = System.nanoTime() + 5_000 * MS;
        while (received.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        timer.shutdown();
        ui.shutdown();
        assertEquals(n, received.size(), "nothing lost");
        for (int i = 0; i < received.size(); i++) {
            assertEquals(i, received.get(i));
        }
        assertTrue(times.size() <= 12, "about 10 batches in 0.5 s, got " + times.size());
    }
}
