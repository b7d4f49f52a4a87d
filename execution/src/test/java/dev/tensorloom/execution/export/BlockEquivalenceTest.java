package dev.tensorloom.execution.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.testing.TestPython;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every block type, exported to PyTorch, computes what the studio's engine computes: the same forward
 * outputs within {@value #FORWARD} and the same gradients of its parameters and of its floating inputs
 * ({@link InputGradients}) within {@value #GRADIENT}, both normwise relative (largest absolute difference
 * over the largest reference value), from parameters perturbed away from their initial values. One Python
 * process checks every case.
 */
class BlockEquivalenceTest {
    static final double FORWARD = 1e-5;
    static final double GRADIENT = 1e-4;

    @TempDir
    static Path work;
    private static Map<String, JsonNode> results;

    @BeforeAll
    static void runAllCases() throws Exception {
        List<String> folders = new ArrayList<>();
        for (BlockCase c : BlockCases.all()) {
            Path folder = work.resolve(c.name());
            BlockRun.write(c, folder);
            folders.add(folder.toString());
        }
        Path script = work.resolve("check_blocks.py");
        try (InputStream in = BlockEquivalenceTest.class.getResourceAsStream("check_blocks.py")) {
            Files.copy(in, script);
        }
        List<String> command = new ArrayList<>(List.of(TestPython.interpreter().toString(), script.toString()));
        command.addAll(folders);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "check_blocks.py did not finish");
        assertEquals(0, p.exitValue(), "check_blocks.py failed:\n" + out);
        results = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                JsonNode r = json.readTree(line);
                results.put(Path.of(r.get("case").asText()).getFileName().toString(), r);
            }
        }
    }

    @TestFactory
    List<DynamicTest> everyCaseAgrees() {
        return BlockCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            JsonNode r = results.get(c.name());
            assertTrue(r != null, "no result for " + c.name());
            assertTrue(!r.has("failure"), c.name() + " failed in PyTorch:\n" + (r.has("failure") ? r.get("failure").asText() : ""));
            r.get("errors").fields().forEachRemaining(e -> {
                double limit = e.getKey().startsWith("grad.") ? GRADIENT : FORWARD;
                double error = e.getValue().asDouble();
                System.out.printf("%-28s %-36s %.2e%n", c.name(), e.getKey(), error);
                assertTrue(error <= limit, c.name() + ": " + e.getKey() + " differs by " + error + " (limit " + limit + ")");
            });
        })).toList();
    }

    @Test
    void everyBlockTypeOfTheCatalogHasACase() {
        Set<String> covered = BlockCases.all().stream().map(BlockCase::type).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (BlockType t : BlockCatalog.standard().all()) {
            if (t.role() != BlockType.Role.SOURCE && !covered.contains(t.id())) {
                missing.add(t.id());
            }
        }
        assertEquals(Set.of(), missing, "block types without an export case");
    }

}
