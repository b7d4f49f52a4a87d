package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.model.command.AddNode;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run panel asks the engine picker for each run's launcher and keeps the weights a run trained while they fit. */
class RunPanelEngineTest {
    private final Document doc = new Document();
    private final UndoStack undo = new UndoStack(doc);
    private final List<String> calls = new ArrayList<>();
    private RunListener listener;
    private final TrainedWeights saved = new TrainedWeights(Path.of("/tmp/run-1"), 4, "PyTorch");

    /** A launcher whose handle saves {@link #saved} when released after a run. */
    private final RunLauncher launcher = (document, dataFolder, snapshots, l) -> {
        listener = l;
        calls.add("prepare");
        return new RunLauncher.RunHandle() {
            @Override
            public void start() {
                calls.add("start");
            }

            @Override
            public void pause() {
            }

            @Override
            public void resume() {
            }

            @Override
            public void stop() {
            }

            @Override
            public int totalSteps() {
                return 4;
            }

            @Override
            public void release() {
                calls.add("release");
            }

            @Override
            public void release(Consumer<TrainedWeights> weights) {
                calls.add("release and save");
                weights.accept(saved);
            }
        };
    };
    private RunPanelViewModel vm;

    @BeforeEach
    void setUp() {
        doc.setConfig(TrainingConfig.DEFAULT.withDataset("seq-reverse").withSteps(4).withBatchSize(8));
        vm = new RunPanelViewModel(doc, undo, new RunCoordinator((d, f, s, l) -> {
            throw new AssertionError("the picker's launcher is used");
        }, TaskExecutor.direct(), UpdateThrottle.direct(), new RunListener() { }));
    }

    private void pick(RunLauncher chosen, String description) {
        vm.setLauncherChoice(new LauncherChoice() {
            @Override
            public void choose(Consumer<RunLauncher> ready, Consumer<String> unavailable) {
                ready.accept(chosen);
            }

            @Override
            public String describe() {
                return description;
            }
        });
    }

    @Test
    void aFinishedRunLeavesItsWeightsUntilTheGraphChanges() {
        pick(launcher, "PyTorch on cpu, 1 process");
        vm.start();
        assertEquals(List.of("prepare", "start"), calls);
        assertTrue(vm.log().get(0).startsWith("Preparing (PyTorch on cpu, 1 process): seq-reverse"), vm.log().get(0));
        assertNull(vm.trainedWeightsProperty().get());
        listener.onFinished(new RunSummary(4, false, List.of(2.0, 1.5, 1.2, 1.0), Map.of(), 4, 900));
        assertEquals(saved, vm.trainedWeightsProperty().get());
        assertEquals("release and save", calls.get(calls.size() - 1));

        vm.settings().setSteps(10); // training settings leave the weights as they are
        assertEquals(saved, vm.trainedWeightsProperty().get());
        undo.push(new AddNode(Node.of("extra", "relu")));
        assertNull(vm.trainedWeightsProperty().get(), "weights of another graph are not offered");
    }

    @Test
    void aFailedRunSavesNothing() {
        pick(launcher, "DJL");
        vm.start();
        listener.onFailed(new dev.tensorloom.execution.session.RunFailure("boom", null, 2, null));
        assertEquals("release", calls.get(calls.size() - 1));
        assertNull(vm.trainedWeightsProperty().get());
    }

    @Test
    void anEngineThatIsNotAvailableFailsTheRunWithItsReason() {
        vm.setLauncherChoice(new LauncherChoice() {
            @Override
            public void choose(Consumer<RunLauncher> ready, Consumer<String> unavailable) {
                unavailable.accept("Training with PyTorch needs Python with torch; it was not set up.");
            }

            @Override
            public String describe() {
                return "PyTorch on cpu, 1 process";
            }
        });
        vm.start();
        assertEquals(RunState.FAILED, vm.stateProperty().get());
        assertEquals("Training failed: Training with PyTorch needs Python with torch; it was not set up.",
                vm.failureProperty().get());
        assertTrue(vm.canStartProperty().get());
    }
}
