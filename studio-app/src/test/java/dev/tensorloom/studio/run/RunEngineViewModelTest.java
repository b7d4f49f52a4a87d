package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.python.PythonInfo;
import dev.tensorloom.studio.python.PythonRequirement;
import dev.tensorloom.studio.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Run tab's engine picker without a stage: Python and torch's devices are found once, launchers follow the choice. */
class RunEngineViewModelTest {
    private static final Path PYTHON = Path.of("/opt/venv/bin/python");
    private final RunLauncher djl = (document, dataFolder, snapshots, listener) -> null;
    private final List<String> created = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private int probes;

    private RunEngineViewModel vm(PythonRequirement python, PythonInfo.Torch torch) {
        return new RunEngineViewModel(djl, (py, device, processes) -> {
            created.add(py + " " + device + " " + processes);
            return djl;
        }, python, py -> {
            probes++;
            return new PythonInfo(py, "3.11.7", Map.of(), Map.of(), torch, true);
        }, TaskExecutor.direct(), 4);
    }

    private PythonRequirement found() {
        return (purpose, ready, unavailable) -> {
            asked.add(purpose);
            ready.accept(PYTHON);
        };
    }

    @Test
    void djlIsTheDefaultAndNeedsNoPython() {
        RunEngineViewModel vm = vm(found(), null);
        AtomicReference<RunLauncher> chosen = new AtomicReference<>();
        vm.choose(chosen::set, reason -> { });
        assertSame(djl, chosen.get());
        assertEquals(List.of(), asked);
        assertEquals("DJL", vm.describe());
    }

    @Test
    void pickingPyTorchFindsPythonAndOffersTheCpuWhenTorchSeesNoGpu() {
        RunEngineViewModel vm = vm(found(), new PythonInfo.Torch("2.7.1+cpu", null, false, List.of()));
        vm.setEngine(RunEngineViewModel.Engine.PYTORCH);
        assertEquals(List.of("Training with PyTorch"), asked);
        assertEquals(List.of("cpu"), vm.devices());
        assertEquals(4, vm.maxProcessesProperty().get(), "one process per core at most");
        assertEquals("torch 2.7.1+cpu sees no CUDA GPU: trains on the CPU, in one Python process.",
                vm.statusProperty().get());
        assertEquals("Python: " + PYTHON, vm.interpreterProperty().get());
        vm.setProcesses(2);
        assertTrue(vm.statusProperty().get().endsWith("in 2 processes under torchrun (DistributedDataParallel, "
                + "the global batch split across them)."), vm.statusProperty().get());
        AtomicReference<RunLauncher> chosen = new AtomicReference<>();
        vm.choose(chosen::set, reason -> { });
        assertEquals(List.of(PYTHON + " cpu 2"), created);
        assertEquals("PyTorch on cpu, 2 processes", vm.describe());

        vm.setEngine(RunEngineViewModel.Engine.DJL);
        vm.setEngine(RunEngineViewModel.Engine.PYTORCH);
        assertEquals(1, probes, "torch is asked for its devices once");
    }

    @Test
    void cudaIsOfferedWhenTorchSeesAGpuAndLimitsTheProcessesToTheGpus() {
        RunEngineViewModel vm = vm(found(), new PythonInfo.Torch("2.7.1+cu126", "12.6", true,
                List.of(new PythonInfo.Gpu("NVIDIA H100", 80L << 30), new PythonInfo.Gpu("NVIDIA H100", 80L << 30))));
        vm.setEngine(RunEngineViewModel.Engine.PYTORCH);
        assertEquals(List.of("cpu", "cuda"), vm.devices());
        assertEquals("cuda", vm.deviceProperty().get());
        assertEquals(2, vm.maxProcessesProperty().get());
        assertEquals("torch 2.7.1+cu126 sees 2 GPUs (NVIDIA H100), in one Python process.", vm.statusProperty().get());
        vm.setProcesses(8);
        assertEquals(2, vm.processesProperty().get());
        vm.setDevice("cuda:7");
        assertEquals("cuda", vm.deviceProperty().get(), "only devices torch reported");
        vm.setDevice("cpu");
        assertEquals(4, vm.maxProcessesProperty().get());
    }

    @Test
    void withoutPythonTheReasonIsShownAndARunCannotStart() {
        PythonRequirement none = (purpose, ready, unavailable) ->
                unavailable.accept(purpose + " needs Python with torch; it was not set up.");
        RunEngineViewModel vm = vm(none, null);
        vm.setEngine(RunEngineViewModel.Engine.PYTORCH);
        assertEquals("Training with PyTorch needs Python with torch; it was not set up.", vm.statusProperty().get());
        assertFalse(vm.probingProperty().get());
        AtomicReference<String> refused = new AtomicReference<>();
        vm.choose(l -> { }, refused::set);
        assertEquals("Training with PyTorch needs Python with torch; it was not set up.", refused.get());
        assertEquals(List.of(), created);
    }
}
