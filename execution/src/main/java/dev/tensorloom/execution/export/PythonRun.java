package dev.tensorloom.execution.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a script of an exported package with a Python interpreter, in the package folder, passing each
 * output line on. The child never outlives the call: a timeout or an interrupt kills it and its children.
 */
final class PythonRun {
    private PythonRun() {
    }

    /** The script's exit code and its last output lines. */
    record Outcome(int exitCode, List<String> tail) {
    }

    static Outcome run(Path python, Path folder, List<String> args, long timeoutSeconds, Consumer<String> lines)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 30) {
                            tail.removeFirst();
                        }
                    }
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended; what it printed so far is kept
            }
        }, "python-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                kill(process);
                throw new IOException(String.join(" ", args) + " ran past " + timeoutSeconds + " s and was stopped");
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        reader.join(2000);
        synchronized (tail) {
            return new Outcome(process.exitValue(), List.copyOf(tail));
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
