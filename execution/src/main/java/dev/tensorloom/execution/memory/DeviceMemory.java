package dev.tensorloom.execution.memory;

import ai.djl.Device;

/**
 * Which memory reading applies to a device. On the CPU, glibc {@code mallinfo2()} reads the native heap, which
 * holds libtorch's CPU tensors: measured. On a GPU nothing in this build reads device memory (DJL exposes no
 * allocator statistics, and {@code mallinfo2} sees only host memory), so GPU figures are estimated: the
 * tensor ledger and the planner's prediction. An engine that can read device memory (for example PyTorch's
 * {@code torch.cuda.memory_allocated} in a Python engine) reports its own basis as measured instead.
 */
public final class DeviceMemory {
    private static final String MALLINFO = "native heap in use read by glibc mallinfo2() (libtorch's CPU tensors "
            + "and autograd's saved tensors included), sampled between schedule actions, so peaks are lower bounds";
    private static final String LEDGER = "no reading available: the exact ledger of the tensors the executor holds "
            + "and the planner's prediction";

    private DeviceMemory() {
    }

    /** The basis of memory figures on {@code device} given the host probe. */
    public static MemoryBasis basis(Device device, NativeMemoryProbe hostProbe) {
        if (device.isGpu()) {
            return new MemoryBasis(device.toString(), MemoryBasis.Kind.ESTIMATED, "nothing reads GPU memory in "
                    + "this build (glibc mallinfo2() sees only host memory); " + LEDGER.substring(LEDGER.indexOf(':') + 2));
        }
        return hostProbe.available() ? new MemoryBasis(device.toString(), MemoryBasis.Kind.MEASURED, MALLINFO)
                : new MemoryBasis(device.toString(), MemoryBasis.Kind.ESTIMATED, LEDGER + " (no glibc mallinfo2() on "
                        + "this system)");
    }

    /** The probe whose readings count as measured memory on {@code device}: none on a GPU. */
    public static NativeMemoryProbe probeFor(Device device) {
        return device.isGpu() ? NativeMemoryProbe.unavailable() : NativeMemoryProbe.system();
    }
}
