package dev.tensorloom.execution.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one child process to its end, streaming its merged output line by line. The child never
 * outlives its caller: an interrupt of the waiting thread, the timeout or the JVM's shutdown kills it
 * and every process it started.
 */
final class ChildProcess {
    /** How many of the last output lines a result keeps for error messages. */
    static final int TAIL_LINES = 40;

    /** How a child ended: its exit code and the last lines it printed. */
    record Result(int exitCode, List<String> tail) {
        String tailText() {
            return String.join("\n", tail);
        }
    }

    private ChildProcess() {
    }

    /**
     * Runs {@code command}, passing each output line to {@code lines} on a reader thread.
     *
     * @throws InterruptedException when the calling thread is interrupted; the child is killed first
     * @throws IOException          when the command cannot start or runs past {@code timeoutSeconds}
     */
    static Result run(List<String> command, long timeoutSeconds, Consumer<String> lines)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process = builder.start();
        Thread killer = new Thread(() -> killTree(process.toHandle()), "kill " + command.get(0));
        Runtime.getRuntime().addShutdownHook(killer);
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> read(process, tail, lines), "output of " + command.get(0));
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                killTree(process.toHandle());
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (tail) {
                return new Result(process.exitValue(), new ArrayList<>(tail));
            }
        } catch (InterruptedException e) {
            killTree(process.toHandle());
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run; it kills the child itself
            }
        }
    }

    /** Kills a process and all its descendants, children first, and waits briefly for them to go. */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone already, or not ours to wait for; destroyForcibly has been sent
            }
        }
    }

    private static void read(Process process, Deque<String> tail, Consumer<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                lines.accept(line);
            }
        } catch (IOException closed) {
            // the process was killed; what it printed so far is in the tail
        }
    }
}
