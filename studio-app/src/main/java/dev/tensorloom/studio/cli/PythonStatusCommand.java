package dev.tensorloom.studio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.python.PythonReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tensorloom python status}: which interpreter Tensorloom would run, why, and what it lacks. */
@Command(name = "status", description = {
        "Say which Python interpreter Tensorloom uses and why (--python, TENSORLOOM_PYTHON, the managed "
                + "environment, python3 on the PATH), its Python, torch, numpy, onnx, onnxruntime, onnxscript "
                + "and safetensors versions, CUDA and the GPUs torch sees, and what is missing or differs from the "
                + "pinned versions. Imports the packages, so it takes a few seconds.",
        "Exit 0 when the interpreter has every pinned version, 2 when it does not."})
final class PythonStatusCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--python", paramLabel = "PATH", description = "Check this interpreter (or venv folder).")
    Path python;

    @Option(names = "--json", description = "Print machine-readable JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PythonReport report = PythonReport.of(python);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = PythonJson.report(mapper, report);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            report.lines().forEach(out::println);
        }
        if (!report.satisfied()) {
            spec.commandLine().getErr().println("The Python environment does not satisfy Tensorloom's pinned "
                    + "requirements; 'tensorloom python setup' creates the managed one.");
            return TensorloomCli.BAD_INPUT;
        }
        return TensorloomCli.OK;
    }
}
