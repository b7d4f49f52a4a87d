package dev.tensorloom.execution.torch;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run an exported package's {@code train.py} as the studio's PyTorch engine.
 *
 * @param packageFolder  the exported package
 * @param python         the interpreter (with torch and safetensors)
 * @param device         {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto}
 * @param processes      1 for one process; more starts {@code torchrun --nproc-per-node N} (DDP)
 * @param torchrunArgs   extra options passed to torchrun as given (e.g. {@code --nnodes 2 --rdzv-endpoint …})
 * @param steps          training steps
 * @param checkpointing  whether the package's checkpointed segments are recomputed
 * @param memoryStep     the 1-based step whose memory is measured, 0 for none
 * @param watchedNode    the node whose activations are sent, or null
 * @param metricsOut     where train.py writes its metrics file, or null
 * @param saveFolder     where train.py saves the trained weights, or null
 * @param weights        initial weights ({@code weights.safetensors}), or null for the package's own
 */
public record TorchRunRequest(Path packageFolder, Path python, String device, int processes, List<String> torchrunArgs,
        int steps, boolean checkpointing, int memoryStep, String watchedNode, Path metricsOut, Path saveFolder,
        Path weights) {

    public TorchRunRequest {
        torchrunArgs = List.copyOf(torchrunArgs);
        if (processes < 1) {
            throw new IllegalArgumentException("--nproc must be at least 1, got " + processes);
        }
    }
}
