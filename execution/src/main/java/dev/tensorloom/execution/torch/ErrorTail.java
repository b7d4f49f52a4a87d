package dev.tensorloom.execution.torch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines the child wrote to its standard error, kept so that a failure message can say why the
 * child ended (a Python traceback ends there). Read on its own thread, so the child never blocks on a full pipe.
 */
final class ErrorTail {
    private static final int LINES = 20;
    private final Deque<String> lines = new ArrayDeque<>();

    /** Reads the stream to its end, keeping the last lines. */
    void collect(InputStream stderr) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > LINES) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** ":\n" and the lines kept so far, or nothing if there are none. */
    String text() {
        synchronized (lines) {
            return lines.isEmpty() ? "" : ":\n" + String.join("\n", lines);
        }
    }
}
