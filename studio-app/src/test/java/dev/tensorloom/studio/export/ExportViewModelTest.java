package dev.tensorloom.studio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.export.ExportException;
import dev.tensorloom.studio.python.PythonRequirement;
import dev.tensorloom.studio.run.TrainedWeights;
import dev.tensorloom.studio.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export dialog's decisions, without a stage: overwrite question, weights, Python for ONNX, errors, cancel. */
class ExportViewModelTest {
    @TempDir
    Path tmp;
    private final List<ExportJob> jobs = new ArrayList<>();
    private final List<Double> fractions = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final List<Path> opened = new ArrayList<>();

    /** Writes one file into the folder and reports two phases, like a (very small) package. */
    private final ProjectExporter writesAFile = (job, progress) -> {
        jobs.add(job);
        Files.createDirectories(job.folder());
        progress.update("writing model.py", 0.4);
        Files.writeString(job.folder().resolve("model.py"), "# model\n");
        progress.update("done", 1.0);
        return new ExportOutcome(job.folder(), 1234, 20, job.python() == null ? null
                : new ExportOutcome.OnnxCheck(64, 2.5e-7, 3.1e-8, 1e-4));
    };

    private ExportViewModel vm(ProjectExporter exporter, PythonRequirement python, TrainedWeights trained) {
        TaskExecutor ui = new TaskExecutor() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void ui(Runnable update) {
                if (update != null) {
                    update.run();
                }
            }
        };
        ExportViewModel vm = new ExportViewModel(exporter, ui, Runnable::run, python, opened::add, trained, 42);
        vm.progressProperty().addListener((o, a, b) -> fractions.add(b.doubleValue()));
        return vm;
    }

    private PythonRequirement pythonAt(Path interpreter) {
        return (purpose, ready, unavailable) -> {
            asked.add(purpose);
            ready.accept(interpreter);
        };
    }

    @Test
    void aPyTorchPackageIntoANewFolderNeedsNoPythonAndReportsWhatItWrote() {
        TrainedWeights trained = new TrainedWeights(tmp.resolve("run-1"), 300, "DJL");
        ExportViewModel vm = vm(writesAFile, pythonAt(tmp.resolve("python")), trained);
        assertFalse(vm.canExportProperty().get(), "no folder yet");
        Path out = tmp.resolve("new-folder");
        assertTrue(out.toFile().mkdirs());
        vm.setFolder(out);
        assertTrue(vm.useTrainedWeightsProperty().get(), "the last run's weights are the default");
        vm.export();

        assertEquals(ExportViewModel.State.SUCCEEDED, vm.stateProperty().get());
        assertEquals(List.of(), asked, "the PyTorch package is written without Python");
        assertEquals(new ExportJob(ExportFormat.PYTORCH, out, false, trained.folder(), null), jobs.get(0));
        assertEquals(List.of(0.4, 1.0), fractions, "the bar follows ExportProgress");
        assertEquals("Exported the PyTorch package to " + out + ": 1,234 parameters with the last run's weights (300 "
                + "steps on DJL), 20 steps of data.", vm.outcomeProperty().get());
        assertEquals(out, vm.exportedFolderProperty().get());
        vm.openFolder();
        assertEquals(List.of(out), opened);
    }

    @Test
    void withoutARunTheInitialWeightsOfTheSeedAreExported() {
        ExportViewModel vm = vm(writesAFile, pythonAt(null), null);
        vm.setUseTrainedWeights(true);
        assertFalse(vm.useTrainedWeightsProperty().get(), "there are no trained weights to choose");
        assertEquals("Initial weights for the project's seed (42)", vm.initialWeightsText());
        vm.setFolder(tmp.resolve("fresh"));
        vm.export();
        assertNull(jobs.get(0).weights());
        assertTrue(vm.outcomeProperty().get().contains("parameters with initial weights for seed 42, "), vm.outcomeProperty().get());
    }

    @Test
    void aFolderThatHoldsSomethingIsReplacedOnlyAfterTheUserAgrees() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        ExportViewModel vm = vm(writesAFile, pythonAt(null), null);
        vm.setFolder(out);
        vm.export();
        assertEquals(ExportViewModel.State.CONFIRMING_OVERWRITE, vm.stateProperty().get());
        assertEquals(out + " is not empty (1 item). Exporting deletes everything in it first.",
                vm.questionProperty().get());
        assertFalse(vm.canExportProperty().get());
        vm.keepFolder();
        assertEquals(ExportViewModel.State.EDITING, vm.stateProperty().get());
        assertEquals(List.of(), jobs, "nothing was exported");

        vm.export();
        vm.confirmOverwrite();
        assertEquals(ExportViewModel.State.SUCCEEDED, vm.stateProperty().get());
        assertTrue(jobs.get(0).force(), "the exporter replaces the folder's contents, as --force does");
        assertEquals("", vm.questionProperty().get());
    }

    @Test
    void onnxAsksForPythonAndShowsTheVerifiedDifferences() {
        Path python = tmp.resolve("venv/bin/python");
        ExportViewModel vm = vm(writesAFile, pythonAt(python), null);
        vm.setFormat(ExportFormat.ONNX);
        vm.setFolder(tmp.resolve("onnx"));
        vm.export();
        assertEquals(List.of("Exporting to ONNX"), asked);
        assertEquals(python, jobs.get(0).python());
        assertTrue(vm.outcomeProperty().get().endsWith("ONNX Runtime against the studio's engine on a batch of 64: "
                + "largest absolute difference 2.50e-07, relative 3.10e-08 (tolerance 1e-04)."), vm.outcomeProperty().get());
    }

    @Test
    void onnxWithoutPythonFailsWithTheReason() {
        ExportViewModel vm = vm(writesAFile, (purpose, ready, unavailable) ->
                unavailable.accept(purpose + " needs Python with torch; it was not set up."), null);
        vm.setFormat(ExportFormat.ONNX);
        vm.setFolder(tmp.resolve("onnx"));
        vm.export();
        assertEquals(ExportViewModel.State.FAILED, vm.stateProperty().get());
        assertEquals("Export failed: Exporting to ONNX needs Python with torch; it was not set up.",
                vm.outcomeProperty().get());
        assertEquals(List.of(), jobs);
        assertTrue(vm.canExportProperty().get(), "the user can try again");
    }

    @Test
    void errorsAreOneSentenceWithoutAStackTrace() {
        ExportViewModel userError = vm((job, p) -> {
            throw new ExportException("fc2", "block type 'mystery' has no PyTorch export");
        }, pythonAt(null), null);
        userError.setFolder(tmp.resolve("a"));
        userError.export();
        assertEquals("Export failed: node 'fc2': block type 'mystery' has no PyTorch export",
                userError.outcomeProperty().get());

        ExportViewModel bug = vm((job, p) -> {
            throw new IllegalStateException("no plan");
        }, pythonAt(null), null);
        bug.setFolder(tmp.resolve("b"));
        bug.export();
        assertEquals("Export failed: IllegalStateException: no plan", bug.outcomeProperty().get());
        assertFalse(bug.outcomeProperty().get().contains("\tat "), "no stack trace");
    }

    @Test
    void cancelStopsTheExportAndDeletesWhatItWrote() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        ProjectExporter slow = (job, progress) -> {
            Files.createDirectories(job.folder());
            Files.writeString(job.folder().resolve("model.py"), "# half\n");
            progress.update("writing data", 0.3);
            writing.countDown();
            while (true) { // the next phase reports progress until the user cancels
                Thread.sleep(10);
                progress.update("writing data", 0.3);
            }
        };
        TaskExecutor ui = new TaskExecutor() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void ui(Runnable update) {
                synchronized (ExportViewModelTest.this) {
                    update.run();
                }
            }
        };
        ExportViewModel vm = new ExportViewModel(slow, ui, work -> new Thread(() -> {
            work.run();
            ended.countDown();
        }).start(), pythonAt(null), opened::add, null, 7);
        Path out = tmp.resolve("cancelled");
        synchronized (this) {
            vm.setFolder(out);
            vm.export();
        }
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        synchronized (this) {
            vm.cancel();
            assertEquals(ExportViewModel.State.CANCELLING, vm.stateProperty().get());
        }
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        synchronized (this) {
            assertEquals(ExportViewModel.State.CANCELLED, vm.stateProperty().get());
            assertEquals("Export cancelled; what it had written was deleted.", vm.outcomeProperty().get());
        }
        try (var left = Files.list(out)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aSystemWithoutAFileManagerIsToldWhereThePackageIs() {
        ExportViewModel vm = new ExportViewModel(writesAFile, TaskExecutor.direct(), Runnable::run, pythonAt(null),
                folder -> {
                    throw new UnsupportedOperationException("this system offers no way to open folders from Java");
                }, null, 1);
        Path out = tmp.resolve("x");
        vm.setFolder(out);
        vm.export();
        vm.openFolder();
        assertEquals("Could not open the folder (this system offers no way to open folders from Java); the package "
                + "is in " + out, vm.noteProperty().get());
    }
}
