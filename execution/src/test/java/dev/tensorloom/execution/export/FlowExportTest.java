package dev.tensorloom.execution.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.FlowSampler;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.execution.testing.TestPython;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported normalizing flow gets {@code inverse(z)} and {@code log_det(x)} that agree with the studio:
 * the inverse of latent codes equals the studio's {@link FlowSampler} on the same codes, and the
 * log-determinant equals the studio's forward and autograd's Jacobian of the inverse. The flow uses every
 * flow block type, with perturbed parameters.
 */
class FlowExportTest {
    private static final int FEATURES = 3;
    private static final int COUNT = 64;
    private static final BlockCatalog CATALOG = BlockCatalog.standard();

    @TempDir
    Path dir;

    /** x → actnorm → affine (even) → reverse → additive (odd) → diag_scale → flow_nll, log-dets summed by add nodes. */
    private static Document flow() {
        DocumentBuilder g = new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, " + FEATURES + "]", "dtype", "float32")
                .node("norm", "actnorm")
                .node("c1", "affine_coupling", "d", (long) FEATURES, "hidden", 16L, "layers", 2L, "mask", "even")
                .node("perm", "reverse_perm")
                .node("c2", "additive_coupling", "d", (long) FEATURES, "hidden", 16L, "layers", 1L, "mask", "odd")
                .node("scale", "diag_scale")
                .node("ld1", "add").node("ld2", "add").node("ld3", "add").node("ld4", "add")
                .node("nll", "flow_nll")
                .wire("x.out", "norm.in").wire("norm.z", "c1.in").wire("c1.z", "perm.in").wire("perm.z", "c2.in")
                .wire("c2.z", "scale.in").wire("scale.z", "nll.z")
                .wire("norm.logdet", "ld1.a").wire("c1.logdet", "ld1.b")
                .wire("ld1.out", "ld2.a").wire("perm.logdet", "ld2.b")
                .wire("ld2.out", "ld3.a").wire("c2.logdet", "ld3.b")
                .wire("ld3.out", "ld4.a").wire("scale.logdet", "ld4.b")
                .wire("ld4.out", "nll.logdet");
        return g.build();
    }

    @Test
    void inverseAndLogDetAgreeWithTheStudio() throws Exception {
        Plan plan = Compiler.compile(flow(), CATALOG, OpRegistry.standard(), DeviceChoice.parse("cpu"));
        Random random = new Random(5);
        Map<String, HostArray> fields = Map.of("x", HostArray.ofFloats(gaussian(random, COUNT * FEATURES),
                new long[] {COUNT, FEATURES}));
        Map<String, HostArray> expected = new LinkedHashMap<>();
        JniUtils.setGradMode(true);
        try (ParameterStore store = new ParameterStore(plan.device(), 3);
                Executor executor = new Executor(plan, store, 3);
                NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = ArrayBatchSource.toArrays(m, new HostBatch(fields));
            executor.evaluate(batch, (s, o, p) -> { });
            BlockRun.perturb(store, random);
            Map<Integer, Shape[]> shapes = new LinkedHashMap<>();
            executor.evaluate(batch, (step, outputs, published) -> {
                Shape[] s = new Shape[outputs.size()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = outputs.get(i).getShape();
                }
                shapes.put(step.index(), s);
                if (step.nodeId().equals("scale")) {
                    expected.put("data_latent", floats(outputs.get(0)));
                } else if (step.nodeId().equals("ld4")) {
                    expected.put("data_log_det", floats(outputs.get(0)));
                }
            });
            float[] latent = gaussian(random, COUNT * FEATURES);
            float[] samples = new FlowSampler(plan, store).inverse(latent, COUNT);
            expected.put("latent", HostArray.ofFloats(latent, new long[] {COUNT, FEATURES}));
            expected.put("samples", HostArray.ofFloats(samples, new long[] {COUNT, FEATURES}));
            expected.put("data", fields.get("x"));

            ModelGraph graph = ModelGraph.of(plan, BlockLibrary.standard(), shapes, Map.of());
            String source = new ModelSourceWriter(graph, BlockLibrary.standard()).write("flow case", "FlowCase", List.of());
            assertTrue(source.contains("    def inverse(self, z):\n        \"\"\"The data points x [B, 3]"), source);
            assertTrue(source.contains("        x = self.scale.inverse(z)\n        x = self.c2.inverse(x)\n"
                    + "        x = self.perm.inverse(x)\n        x = self.c1.inverse(x)\n        x = self.norm.inverse(x)\n"
                    + "        return x\n"), source);
            assertTrue(source.contains("    def log_det(self, x):"), source);
            Files.writeString(dir.resolve("model.py"), source);
            PackageWeights.write(store, plan, dir.resolve(PackageWeights.FILE_NAME));
        }
        List<TensorFileWriter.Entry> entries = new ArrayList<>();
        expected.forEach((k, a) -> entries.add(new TensorFileWriter.Entry(k, a.dtype(), a.shape(), List.of(a))));
        TensorFileWriter.write(dir.resolve("flow.safetensors"), entries);

        JsonNode errors = new ObjectMapper().readTree(python("check_flow.py"));
        for (String key : List.of("inverse", "log_det", "round_trip", "jacobian")) {
            double error = errors.get(key).asDouble();
            System.out.printf("flow %-12s %.2e%n", key, error);
            // the Jacobian check runs in float64 on both sides, so it must agree to float64 rounding
            double limit = key.equals("jacobian") ? 1e-12 : BlockEquivalenceTest.FORWARD;
            assertTrue(error <= limit, key + " differs by " + error + " (limit " + limit + ")");
        }
    }

    @Test
    void aGraphThatIsNoFlowHasNoInverse() {
        Document doc = new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 2]", "dtype", "float32")
                .node("y", "input", "field", "y", "shape", "[B, 2]", "dtype", "float32")
                .node("fc", "linear", "out_features", 2L).node("loss", "mse")
                .wire("x.out", "fc.in").wire("fc.out", "loss.pred").wire("y.out", "loss.target").build();
        Plan plan = Compiler.compile(doc, CATALOG, OpRegistry.standard(), DeviceChoice.parse("cpu"));
        Map<Integer, Shape[]> shapes = Map.of(plan.indexOf("x"), new Shape[] {new Shape(4, 2)});
        ModelGraph graph = ModelGraph.of(plan, BlockLibrary.standard(), shapes, Map.of());
        assertTrue(graph.flow().isEmpty());
        String source = new ModelSourceWriter(graph, BlockLibrary.standard()).write("no flow", "NoFlow", List.of());
        assertFalse(source.contains("def inverse"), source);
        assertFalse(source.contains("def log_det"), source);
    }

    private String python(String script) throws Exception {
        Path file = dir.resolve(script);
        try (InputStream in = FlowExportTest.class.getResourceAsStream(script)) {
            Files.copy(in, file);
        }
        Process p = new ProcessBuilder(TestPython.interpreter().toString(), file.toString(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), script + " did not finish");
        assertEquals(0, p.exitValue(), script + " failed:\n" + out);
        return out.strip();
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static HostArray floats(NDArray a) {
        return HostArray.ofFloats(a.toFloatArray(), a.getShape().getShape());
    }
}
