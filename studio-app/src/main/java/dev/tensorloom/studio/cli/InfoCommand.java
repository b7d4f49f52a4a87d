package dev.tensorloom.studio.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.memory.DeviceMemory;
import dev.tensorloom.execution.memory.MemoryBasis;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.python.PythonReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tensorloom info}: the engine, its version, the devices DJL sees and, per device, whether memory is
 * measured (and by what) or only estimated, and
 * the Python interpreter Tensorloom would use.
 */
@Command(name = "info", description = "Show the engine, its version, the devices and, per device, whether memory is "
        + "measured or estimated, and the Python interpreter.")
final class InfoCommand implements Callable<Integer> {
    /** Where the memory command and the memory view run, whatever device the project trains on. */
    static final String MEMORY_TOOLS = "'tensorloom memory' and the studio's memory view measure on the CPU";

    @Option(names = "--json", description = "Print machine-readable JSON.")
    boolean json;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Report this Python interpreter (default: the one Tensorloom would use; see 'python status').")
    Path python;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.getInstance();
        Device[] devices = engine.getDevices();
        int gpus = engine.getGpuCount();
        NativeMemoryProbe host = NativeMemoryProbe.system();
        List<MemoryBasis> memory = new ArrayList<>();
        memory.add(DeviceMemory.basis(Device.cpu(), host));
        for (Device d : devices) {
            if (d.isGpu()) {
                memory.add(DeviceMemory.basis(d, host));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PythonReport pythonReport = PythonReport.of(python);
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("engine", engine.getEngineName());
            root.put("engineVersion", engine.getVersion());
            root.put("djlVersion", Engine.getDjlVersion());
            ArrayNode devs = root.putArray("devices");
            for (Device d : devices) {
                devs.add(d.toString());
            }
            root.put("gpuCount", gpus);
            ArrayNode bases = root.putArray("memory");
            for (MemoryBasis b : memory) {
                ObjectNode n = bases.addObject();
                n.put("device", b.device());
                n.put("basis", b.kind().word());
                n.put("source", b.source());
            }
            root.put("memoryTools", MEMORY_TOOLS);
            root.put("nativeMemoryProbe", host.available());
            root.set("python", PythonJson.report(mapper, pythonReport));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf("engine:             %s %s (DJL %s)%n", engine.getEngineName(), engine.getVersion(),
                    Engine.getDjlVersion());
            StringBuilder names = new StringBuilder();
            for (Device d : devices) {
                names.append(names.length() == 0 ? "" : ", ").append(d);
            }
            out.printf("devices:            %s%n", names);
            out.printf("GPUs:               %d%n", gpus);
            out.printf("memory, per device:%n");
            for (MemoryBasis b : memory) {
                out.printf("  %s%n", b.describe());
            }
            out.printf("                    (%s)%n", MEMORY_TOOLS);
            printPython(out, pythonReport);
        }
        return TensorloomCli.OK;
    }

    /** The Python lines: which interpreter and why, its torch, CUDA and GPUs (details: 'python status'). */
    private static void printPython(PrintWriter out, PythonReport report) {
        var located = report.located();
        out.printf("python:             %s (%s)%n", located.interpreter() == null ? "none" : located.interpreter(),
                located.reason());
        var info = report.check().info();
        if (info != null) {
            out.printf("python torch:       %s%n", PythonReport.torch(info));
            out.printf("python GPUs:        %s%n", PythonReport.gpus(info));
        }
        out.printf("python status:      %s%n", report.satisfied() ? "ready"
                : "not ready (" + report.check().problems().size() + " problems; see 'tensorloom python status')");
    }
}
