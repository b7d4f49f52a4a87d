package dev.tensorloom.studio.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task's callbacks, in order and on the executor's UI side, with a direct executor. */
class BackgroundTaskTest {

    @Test
    void successReportsProgressThenResultThenFinished() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.wrap(progress -> {
            progress.update(1, 4);
            progress.update(4, 4);
            return "done";
        }).onRunning(() -> seen.add("running")).onProgress(p -> seen.add("progress " + p))
                .onSuccess(v -> seen.add("success " + v)).onFailure(e -> seen.add("failure"))
                .onFinished(() -> seen.add("finished")).executeWith(TaskExecutor.direct());
        assertEquals(List.of("running", "progress 0.25", "progress 1.0", "success done", "finished"), seen);
    }

    @Test
    void failureReportsTheExceptionThenFinished() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.wrap(() -> {
            throw new IllegalStateException("broken");
        }).onSuccess(v -> seen.add("success")).onFailure(e -> seen.add("failure " + e.getMessage()))
                .onFinished(() -> seen.add("finished")).executeWith(TaskExecutor.direct());
        assertEquals(List.of("failure broken", "finished"), seen);
    }

    @Test
    void aCancelledTaskReportsNeitherResultNorFailureButFinishes() {
        List<String> seen = new ArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.wrap(progress -> {
            int rounds = 0;
            while (!progress.isCancelled() && rounds < 1000) {
                rounds++;
                if (rounds == 3) {
                    seen.add("cancel");
                    throw new CancelFromWork();
                }
            }
            return rounds;
        });
        task.onSuccess(v -> seen.add("success")).onFailure(e -> seen.add("failure"))
                .onFinished(() -> seen.add("finished"));
        task.cancel();
        task.executeWith(TaskExecutor.direct());
        assertTrue(task.isCancelled());
        assertEquals(List.of("finished"), seen, "the work saw the cancellation before its third round");
    }

    /** Thrown only if the work ignored the cancellation. */
    private static final class CancelFromWork extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
