package dev.tensorloom.execution.torch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that starts an exported package's train.py for one run request. */
final class TorchCommandLine {
    private TorchCommandLine() {
    }

    /**
     * python train.py …, or python -m torch.distributed.run --nproc-per-node N … train.py … when the run
     * asks for several processes or passes torchrun arguments.
     */
    static List<String> of(TorchRunRequest request, Path controlFile) {
        List<String> c = new ArrayList<>();
        c.add(request.python().toString());
        if (request.processes() > 1 || !request.torchrunArgs().isEmpty()) {
            c.addAll(List.of("-m", "torch.distributed.run", "--nproc-per-node", Integer.toString(request.processes())));
            // Without a rendezvous of its own, torchrun runs on this machine alone.
            if (request.torchrunArgs().stream().noneMatch(a -> a.startsWith("--nnodes") || a.startsWith("--rdzv"))) {
                c.add("--standalone");
            }
            c.addAll(request.torchrunArgs());
        }
        c.add("train.py");
        c.addAll(List.of("--events", "--control", controlFile.toString(), "--steps", Integer.toString(request.steps()),
                "--device", request.device(), "--checkpoint", request.checkpointing() ? "planned" : "none"));
        if (request.memoryStep() > 0) {
            c.addAll(List.of("--memory-step", Integer.toString(request.memoryStep())));
        }
        if (request.metricsOut() != null) {
            c.addAll(List.of("--metrics-out", request.metricsOut().toAbsolutePath().toString()));
        }
        if (request.saveFolder() != null) {
            c.addAll(List.of("--save", request.saveFolder().toAbsolutePath().toString()));
        }
        if (request.weights() != null) {
            c.addAll(List.of("--weights", request.weights().toAbsolutePath().toString()));
        }
        return c;
    }
}
