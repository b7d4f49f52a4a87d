package dev.tensorloom.execution.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an interpreter with Tensorloom's probe script and reads what it has. The fast probe only looks
 * up installed versions (importlib.metadata, a fraction of a second); the full probe also imports the
 * key packages and asks torch about CUDA and the GPUs (seconds: importing torch is slow).
 */
public final class PythonProbe {
    private static final String SENTINEL = "TENSORLOOM-PROBE ";
    private static final String SCRIPT = loadScript();
    private static final long FAST_TIMEOUT_S = 60;
    private static final long FULL_TIMEOUT_S = 300;

    private PythonProbe() {
    }

    /** The installed versions of every pinned distribution, without importing anything. */
    public static PythonInfo versions(Path interpreter, PinnedRequirements requirements)
            throws IOException, InterruptedException {
        return run(interpreter, "versions", requirements, FAST_TIMEOUT_S);
    }

    /** The versions, which key packages import, and torch's CUDA and GPU report. */
    public static PythonInfo full(Path interpreter, PinnedRequirements requirements)
            throws IOException, InterruptedException {
        return run(interpreter, "full", requirements, FULL_TIMEOUT_S);
    }

    private static PythonInfo run(Path interpreter, String mode, PinnedRequirements requirements, long timeoutS)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(interpreter)) {
            throw new IOException("no Python interpreter at " + interpreter);
        }
        List<String> command = new ArrayList<>(List.of(interpreter.toString(), "-c", SCRIPT, mode));
        requirements.pins().forEach(p -> command.add(p.name()));
        AtomicReference<String> report = new AtomicReference<>();
        ChildProcess.Result result = ChildProcess.run(command, timeoutS, line -> {
            if (line.startsWith(SENTINEL)) {
                report.set(line.substring(SENTINEL.length()));
            }
        });
        if (result.exitCode() != 0 || report.get() == null) {
            throw new IOException(interpreter + " failed to run the probe (exit " + result.exitCode() + "):\n"
                    + result.tailText());
        }
        return parse(interpreter, report.get());
    }

    static PythonInfo parse(Path interpreter, String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        Map<String, String> versions = new LinkedHashMap<>();
        root.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
        Map<String, String> importErrors = new LinkedHashMap<>();
        root.path("importErrors").fields().forEachRemaining(e -> importErrors.put(e.getKey(), e.getValue().asText()));
        PythonInfo.Torch torch = null;
        JsonNode t = root.path("torch");
        if (t.isObject()) {
            List<PythonInfo.Gpu> gpus = new ArrayList<>();
            t.path("gpus").forEach(g -> gpus.add(new PythonInfo.Gpu(g.path("name").asText(),
                    g.path("totalMemoryBytes").asLong())));
            torch = new PythonInfo.Torch(t.path("version").asText(),
                    t.path("cudaVersion").isTextual() ? t.path("cudaVersion").asText() : null,
                    t.path("cudaAvailable").asBoolean(), gpus);
        }
        return new PythonInfo(interpreter, root.path("python").asText(), versions, importErrors, torch,
                root.has("importErrors"));
    }

    private static String loadScript() {
        try (InputStream in = PythonProbe.class.getResourceAsStream("/dev/tensorloom/python/probe.py")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /dev/tensorloom/python/probe.py");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
