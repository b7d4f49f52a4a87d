package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.home.TensorloomHome;
import dev.tensorloom.execution.python.CudaCheck;
import dev.tensorloom.execution.python.ManagedPython;
import dev.tensorloom.execution.python.PinnedRequirements;
import dev.tensorloom.execution.python.PythonLocator;
import dev.tensorloom.execution.python.SetupListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tensorloom python setup}: creates or repairs the managed venv from the pinned requirements. */
@Command(name = "setup", description = {
        "Create (or repair) Tensorloom's own Python venv with the pinned torch, numpy, onnx, onnxruntime, "
                + "onnxscript and safetensors, installed by pip as your pip is configured (index, proxy, "
                + "certificates). It is built in a temporary folder and renamed when complete; when the venv "
                + "already has every pinned version this returns at once.",
        "Progress (what pip collects, downloads and installs) goes to stderr."})
final class PythonSetupCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the venv goes (default: ~/.tensorloom/python/venv, which the studio and the "
                    + "command line use when no interpreter is named).")
    Path dir;

    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python 3.11+ that creates the venv (default: python3 on the PATH).")
    Path python;

    @Option(names = "--cuda", description = {
            "Require a CUDA build of torch. Tensorloom names no package index: pip installs the torch its "
                    + "configuration serves. Where that is a CPU-only build (as from an index of CPU wheels), "
                    + "torch is upgraded once to the best build of the pinned release pip can find, and if that "
                    + "is still CPU-only the command fails (exit 2) saying how to configure pip with a CUDA "
                    + "wheel index (PIP_EXTRA_INDEX_URL or pip.conf). A CUDA build without a visible GPU is "
                    + "reported, not refused."})
    boolean cuda;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path venv = dir != null ? dir.toAbsolutePath().normalize() : TensorloomHome.current().pythonEnvironment();
        Path base = python != null ? python.toAbsolutePath() : PythonLocator.python3OnPath().orElse(Path.of("python3"));
        ManagedPython managed = new ManagedPython(venv, PinnedRequirements.bundled(), base);
        SetupListener progress = new SetupListener() {
            @Override
            public void onLine(String line) {
                err.println(line);
            }

            @Override
            public void onProgress(double fraction, String stage) {
                err.printf("[%3.0f%%] %s%n", fraction * 100, stage);
            }
        };
        long started = System.nanoTime();
        Path interpreter = managed.ensure(progress);
        if (cuda) {
            CudaCheck check = managed.ensureCudaBuild(progress);
            if (!check.cudaBuild()) {
                err.println(check.message());
                return TensorloomCli.BAD_INPUT;
            }
            if (!check.gpuVisible()) {
                err.println("warning: " + check.message());
            }
        }
        out.printf("Python environment ready in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, interpreter);
        return TensorloomCli.OK;
    }
}
