package dev.tensorloom.execution.python;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a probe found in one interpreter: its Python version, the installed versions of the pinned
 * distributions, and, for a full probe, which key packages failed to import and what torch says about
 * CUDA and the GPUs.
 *
 * @param interpreter  the interpreter that was run
 * @param pythonVersion e.g. {@code 3.11.7}
 * @param versions     installed version by distribution name as asked; a missing one is absent
 * @param importErrors for a full probe, the error of each key package that failed to import; empty
 *                     for a fast probe
 * @param torch        what torch reported, or null for a fast probe or when torch did not import
 * @param full         whether the packages were imported (a full probe) or only looked up
 */
public record PythonInfo(Path interpreter, String pythonVersion, Map<String, String> versions,
                         Map<String, String> importErrors, Torch torch, boolean full) {

    /** One GPU as torch sees it. */
    public record Gpu(String name, long totalMemoryBytes) {
    }

    /** torch's own report: its version, the CUDA it was built for (null for a CPU build), the GPUs. */
    public record Torch(String version, String cudaVersion, boolean cudaAvailable, List<Gpu> gpus) {
        public Torch {
            gpus = List.copyOf(gpus);
        }
    }

    public PythonInfo {
        versions = Map.copyOf(versions);
        importErrors = Map.copyOf(importErrors);
    }

    /** The installed version of a distribution, by the name the probe was asked. */
    public Optional<String> version(String name) {
        return Optional.ofNullable(versions.get(name));
    }
}
