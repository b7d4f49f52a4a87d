package dev.tensorloom.studio.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.export.ExportRequest;
import dev.tensorloom.execution.export.PyTorchPackage;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.TrainingRun;
import dev.tensorloom.execution.testing.TestPython;
import dev.tensorloom.execution.torch.PyTorchSession;
import dev.tensorloom.execution.torch.TorchEvent;
import dev.tensorloom.execution.torch.TorchRunRequest;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PyTorch engine's child process: stopping, its parent's death, the event protocol and memory figures. */
class PyTorchSessionTest {
    @TempDir
    Path dir;

    private Path export(String template, RunOptions options) throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        Project project = ProjectReader.fromJson(catalog.projectJson(template), catalog.sourceName(template));
        Path out = dir.resolve(template);
        PyTorchPackage.standard().write(new ExportRequest(project.document(), template, "test", options, null, out,
                false), (phase, fraction) -> { });
        return out;
    }

    @Test
    void stoppingARunLeavesNoPythonProcessBehind() throws Exception {
        Path pkg = export("transformer-reverse", RunOptions.PROJECT.withSteps(3000));
        CountDownLatch stepped = new CountDownLatch(3);
        PyTorchSession session = new PyTorchSession(new TorchRunRequest(pkg, TestPython.interpreter(), "cpu", 1,
                List.of(), 3000, false, 0, null, null, null, null), new RunListener() {
                    @Override
                    public void onStep(StepMetrics m) {
                        stepped.countDown();
                    }
                }, e -> { });
        session.start();
        ProcessHandle child = ProcessHandle.of(session.pid()).orElseThrow();
        assertTrue(stepped.await(5, TimeUnit.MINUTES), "no steps");
        session.stop();
        assertTrue(session.awaitTermination(60, TimeUnit.SECONDS), "the run did not end after stop");
        assertEquals(TrainingRun.State.STOPPED, session.state());
        assertTrue(session.summary().stopped());
        assertTrue(session.summary().steps() < 3000);
        assertFalse(child.isAlive(), "python is still running after stop");
    }

    @Test
    void theChildEndsWhenItsParentDiesEvenWithoutAWord() throws Exception {
        Path pkg = export("transformer-reverse", RunOptions.PROJECT.withSteps(3000));
        Process parent = new ProcessBuilder("sleep", "8").start();
        ProcessBuilder builder = new ProcessBuilder(TestPython.interpreter().toString(), "train.py", "--events",
                "--steps", "3000").directory(pkg.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put("TENSORLOOM_PARENT_PID", Long.toString(parent.pid()));
        Process child = builder.start();
        try {
            parent.destroyForcibly();
            parent.waitFor();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "train.py kept running after its parent died");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aGarbledEventLineIsReportedNotSwallowed() throws Exception {
        Path fake = Files.createDirectories(dir.resolve("fake"));
        Files.writeString(fake.resolve("train.py"), String.join("\n",
                "import json",
                "print(json.dumps({'v': 1, 'type': 'step', 'step': 1, 'loss': 2.0, 'learningRate': 0.1, "
                        + "'examplesPerSecond': 10.0}), flush=True)",
                "print('{\"v\": 1, \"type\": \"step\", \"step\": 2, \"lo', flush=True)",
                "import time; time.sleep(30)", ""));
        AtomicReference<RunFailure> failure = new AtomicReference<>();
        List<StepMetrics> steps = Collections.synchronizedList(new ArrayList<>());
        PyTorchSession session = new PyTorchSession(new TorchRunRequest(fake, TestPython.interpreter(), "cpu", 1,
                List.of(), 5, false, 0, null, null, null, null), new RunListener() {
                    @Override
                    public void onStep(StepMetrics m) {
                        steps.add(m);
                    }

                    @Override
                    public void onFailed(RunFailure f) {
                        failure.set(f);
                    }
                }, e -> { });
        session.start();
        assertTrue(session.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(1, steps.size());
        assertNotNull(failure.get(), "no failure reported");
        assertTrue(failure.get().message().contains("event line 2 is not JSON"), failure.get().message());
        assertEquals(TrainingRun.State.FAILED, session.state());
    }

    @Test
    void savedBytesPerNodeAddUpToWhatPyTorchSavesForTheSameChain() throws Exception {
        Path pkg = export("deep-chain", RunOptions.PROJECT.withSteps(1).withBatchSize(256));
        AtomicReference<TorchEvent.Memory> memory = new AtomicReference<>();
        PyTorchSession session = new PyTorchSession(new TorchRunRequest(pkg, TestPython.interpreter(), "cpu", 1,
                List.of(), 1, false, 1, null, null, null, null), new RunListener() { }, e -> {
                    if (e instanceof TorchEvent.Memory m) {
                        memory.set(m);
                    }
                });
        session.start();
        assertTrue(session.awaitTermination(5, TimeUnit.MINUTES));
        assertEquals(TrainingRun.State.FINISHED, session.state(), String.valueOf(session.failure()));
        TorchEvent.Memory m = memory.get();
        assertNotNull(m, "no memory event");
        long blocks = 0;
        for (Map.Entry<String, Long> e : m.savedBytes().entrySet()) {
            if (!e.getKey().equals("loss")) {
                blocks += e.getValue();
            }
        }
        long peer = peerSavedBytes(64, 256, 256);
        System.out.printf("deep-chain batch 256: PyTorch engine per-node saved bytes sum to %d, peer_saved.py %d "
                + "(%.3f%%); source %s%n", blocks, peer, 100.0 * (blocks - peer) / peer, m.source());
        assertTrue(Math.abs(blocks - peer) <= 0.01 * peer, blocks + " vs " + peer);
        assertEquals("glibc mallinfo2", m.source());
        assertTrue(m.peakBytes() > 0 && !m.samples().isEmpty());
    }

    /** Runs the reference script shared/peers/peer_saved.py (its copy among the test resources). */
    private static long peerSavedBytes(int blocks, int width, int batch) throws Exception {
        Path script = Files.createTempFile("peer_saved", ".py");
        script.toFile().deleteOnExit();
        try (var in = PyTorchSessionTest.class.getResourceAsStream("peer_saved.py")) {
            assertNotNull(in, "peer_saved.py is missing from the test resources");
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder(TestPython.interpreter().toString(), script.toString(), Integer.toString(blocks),
                Integer.toString(width), Integer.toString(batch)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        String value = out.substring(out.indexOf("saved_bytes=") + "saved_bytes=".length()).split("\\s")[0];
        return Long.parseLong(value);
    }
}
