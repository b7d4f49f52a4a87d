package dev.tensorloom.execution.python;

/**
 * Whether an environment's torch is a CUDA build and sees a GPU, with the sentence a user reads.
 *
 * @param torchVersion  e.g. {@code 2.13.0+cpu}
 * @param cudaVersion   the CUDA torch was built for, null for a CPU-only build
 * @param cudaAvailable {@code torch.cuda.is_available()}
 * @param gpus          how many GPUs torch sees
 */
public record CudaCheck(String torchVersion, String cudaVersion, boolean cudaAvailable, int gpus) {
    static CudaCheck of(PythonInfo info) {
        PythonInfo.Torch t = info.torch();
        return new CudaCheck(t.version(), t.cudaVersion(), t.cudaAvailable(), t.gpus().size());
    }

    public boolean cudaBuild() {
        return cudaVersion != null;
    }

    public boolean gpuVisible() {
        return cudaAvailable && gpus > 0;
    }

    /** What this means for the user, and what to do about it. */
    public String message() {
        if (!cudaBuild()) {
            return "pip installed a CPU-only build of torch (" + torchVersion + "), and no CUDA build of it was "
                    + "found where pip looks. Tensorloom names no package index: configure pip with one that serves "
                    + "CUDA builds of torch " + torchVersion.replaceFirst("\\+.*", "") + " (PIP_EXTRA_INDEX_URL, "
                    + "or extra-index-url in pip.conf, set to the PyTorch wheel index for your CUDA version), "
                    + "then run 'tensorloom python setup --cuda' again. The CPU environment stays usable.";
        }
        if (!gpuVisible()) {
            return "torch " + torchVersion + " is built for CUDA " + cudaVersion + ", but torch.cuda.is_available() "
                    + "is false: no NVIDIA GPU or driver is visible to this process. Training will use the CPU.";
        }
        return "torch " + torchVersion + " is built for CUDA " + cudaVersion + " and sees " + gpus + " GPU(s).";
    }
}
