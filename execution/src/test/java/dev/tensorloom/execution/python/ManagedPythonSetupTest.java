package dev.tensorloom.execution.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The managed environment's life in one temporary folder, as a user meets it: a setup killed midway
 * leaves nothing that the check or the locator accepts; the next setup (two threads at once) builds it
 * once; a second call does nothing; a wrong torch and a missing safetensors are reported and repaired.
 * It makes one venv from scratch (about a minute with local wheels), so the steps share it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagedPythonSetupTest {
    @TempDir
    static Path folder;

    static Path venv() {
        return folder.resolve("venv");
    }

    @Test
    @Order(1)
    void aSetupKilledMidwayLeavesNothingThatPassesTheCheck() throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), EnsureInChildJvm.class.getName(), venv().toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                if (line.startsWith("Installing collected packages")) {
                    break; // pip is now writing 20 packages into the partial folder
                }
            }
            assertTrue(child.isAlive(), "the setup ended before pip installed anything:\n" + String.join("\n", output));
            Thread.sleep(1000);
            List<ProcessHandle> pip = child.descendants().toList();
            assertFalse(pip.isEmpty(), "pip should be running under the setup");
            child.destroyForcibly().waitFor(); // SIGKILL: no finally block or shutdown hook runs
            pip.forEach(ProcessHandle::destroyForcibly); // an orphaned pip would finish the partial folder
            for (ProcessHandle p : pip) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        assertFalse(Files.exists(venv()), "nothing may stand under the venv's name");
        assertFalse(ManagedPython.at(venv()).check().satisfied());
        assertEquals(PythonLocator.Source.NONE, new PythonLocator(Map.of("PATH", ""), venv()).locate(null, null).source(),
                "the locator must not offer a half-made environment");
        assertEquals(1, partials().size(), "the killed setup's temporary folder is left for the next setup to delete");
    }

    @Test
    @Order(2)
    void theNextSetupBuildsItOnceWhileASecondCallerWaits() throws Exception {
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Path> a = () -> ManagedPython.ensure(venv(), first::add);
            Callable<Path> b = () -> ManagedPython.ensure(venv(), second::add);
            Future<Path> fa = pool.submit(a);
            Future<Path> fb = pool.submit(b);
            Path ia = fa.get(30, TimeUnit.MINUTES);
            Path ib = fb.get(30, TimeUnit.MINUTES);
            assertEquals(ia, ib);
            assertEquals(ManagedPython.interpreterOf(venv()), ia);
        } finally {
            pool.shutdownNow();
        }
        boolean firstInstalled = first.stream().anyMatch(l -> l.startsWith("Successfully installed"));
        boolean secondInstalled = second.stream().anyMatch(l -> l.startsWith("Successfully installed"));
        assertTrue(firstInstalled ^ secondInstalled, "exactly one caller runs pip:\n" + first + "\n" + second);
        assertTrue(partials().isEmpty(), "the killed setup's folder is gone: " + partials());

        PythonInfo info = PythonProbe.full(ManagedPython.interpreterOf(venv()), PinnedRequirements.bundled());
        assertEquals(Map.of(), info.importErrors(), "every key package imports");
        assertTrue(EnvironmentCheck.compare(info, PinnedRequirements.bundled()).satisfied());
        assertTrue(info.torch().version().startsWith("2.13.0"), info.torch().version());
        String pipScript = Files.readString(venv().resolve("bin").resolve("pip"));
        assertTrue(pipScript.startsWith("#!" + ManagedPython.interpreterOf(venv())),
                "scripts point at the final folder, not the temporary one: " + pipScript.lines().findFirst());
    }

    @Test
    @Order(3)
    void aSecondCallIsANoOp() throws Exception {
        Path marker = venv().resolve(VenvLayout.MARKER);
        var before = Files.getLastModifiedTime(marker);
        List<String> heard = new ArrayList<>();
        long started = System.nanoTime();
        ManagedPython.ensure(venv(), heard::add);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("second ensure took %.3f s%n", seconds);
        assertEquals(List.of(), heard, "no venv, no pip");
        assertEquals(before, Files.getLastModifiedTime(marker));
    }

    @Test
    @Order(4)
    void aWrongTorchAndAMissingSafetensorsAreReportedAndRepaired() throws Exception {
        Path python = ManagedPython.interpreterOf(venv());
        Path metadata;
        try (Stream<Path> found = Files.find(venv().resolve("lib"), 4,
                (p, a) -> p.getFileName().toString().equals("METADATA") && p.getParent().getFileName().toString()
                        .startsWith("torch-2.13.0"))) {
            metadata = found.findFirst().orElseThrow();
        }
        Files.writeString(metadata, Files.readString(metadata).replaceFirst("(?m)^Version: .*$", "Version: 2.12.0"));
        run(python.toString(), "-m", "pip", "uninstall", "-y", "safetensors");

        EnvironmentCheck broken = ManagedPython.at(venv()).check();
        assertEquals(List.of("torch 2.12.0 is installed, 2.13.0 is pinned", "safetensors is missing (0.8.0 is pinned)"),
                broken.problems());

        List<String> heard = new ArrayList<>();
        ManagedPython.ensure(venv(), heard::add);
        assertTrue(heard.stream().anyMatch(l -> l.startsWith("tensorloom: repairing")), String.join("\n", heard));
        assertTrue(ManagedPython.at(venv()).check().satisfied());
        PythonInfo info = PythonProbe.full(python, PinnedRequirements.bundled());
        assertEquals(Map.of(), info.importErrors());
        assertEquals("0.8.0", info.versions().get("safetensors"));
    }

    @Test
    @Order(5)
    void cudaOnACpuOnlyPipAsksOnceAndSaysHowToConfigurePip() throws Exception {
        List<String> heard = new ArrayList<>();
        CudaCheck cuda = ManagedPython.at(venv()).ensureCudaBuild(SetupListener.ofLines(heard::add));
        boolean pipServesCuda = cuda.cudaBuild();
        if (!pipServesCuda) { // this project's machines: pip serves CPU wheels only
            assertTrue(heard.stream().anyMatch(l -> l.contains("is a CPU-only build; asking pip")), String.join("\n", heard));
            assertTrue(cuda.message().contains("PIP_EXTRA_INDEX_URL"), cuda.message());
            assertTrue(cuda.torchVersion().startsWith("2.13.0"), cuda.torchVersion());
        }
        assertTrue(ManagedPython.at(venv()).check().satisfied(), "asking for CUDA leaves a working environment");
    }

    private static List<Path> partials() throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".venv.partial-")).toList();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }
}
