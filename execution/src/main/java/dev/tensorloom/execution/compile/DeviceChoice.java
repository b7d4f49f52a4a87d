package dev.tensorloom.execution.compile;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Where a plan runs: {@code cpu}, {@code gpu}, or {@code auto} (a GPU when DJL sees one, else the CPU). */
public enum DeviceChoice {
    CPU, GPU, AUTO;

    static final String NO_GPU = "no GPU visible to DJL (PyTorch CPU build); use --device cpu or the GPU build,"
            + " see README";

    /** Parses {@code cpu|gpu|auto}, ignoring case. */
    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CompileException(null, "device must be cpu, gpu or auto, got '" + text + "'");
        }
    }

    /** The concrete device for the engine's visible GPU count. */
    public Device resolve() {
        return resolve(Engine.getInstance().getGpuCount());
    }

    /** The concrete device given how many GPUs the engine sees (separate so it is testable on CPU). */
    public Device resolve(int gpuCount) {
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpuCount > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpuCount <= 0) {
                    throw new CompileException(null, NO_GPU);
                }
                yield Device.gpu();
            }
        };
    }
}
