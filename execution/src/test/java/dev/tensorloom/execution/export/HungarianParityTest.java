package dev.tensorloom.execution.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.execution.op.detection.HungarianMatcher;
import dev.tensorloom.execution.testing.TestPython;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported {@code hungarian_match} chooses the assignment the studio's {@link HungarianMatcher} chooses
 * on the same cost matrices, ties included: matrices of real costs, of a few small integers (many optimal
 * assignments), of equal costs everywhere, and of equal predictions (duplicated rows), as DETR's cost has
 * when two queries predict the same box and class.
 */
class HungarianParityTest {
    @TempDir
    Path work;

    @Test
    void pythonMatchesJavaOnEveryMatrixTiesIncluded() throws Exception {
        Random random = new Random(7);
        List<double[][]> costs = new ArrayList<>();
        for (int trial = 0; trial < 200; trial++) {
            int predictions = 1 + random.nextInt(9);
            int targets = random.nextInt(predictions + 1);
            double[][] cost = new double[predictions][targets];
            int kind = trial % 4;
            for (int p = 0; p < predictions; p++) {
                for (int t = 0; t < targets; t++) {
                    cost[p][t] = switch (kind) {
                        case 0 -> random.nextGaussian() * 3;
                        case 1 -> random.nextInt(3);
                        case 2 -> 0.25;
                        default -> p % 2 == 1 ? cost[p - 1][t] : -random.nextDouble();
                    };
                }
            }
            costs.add(cost);
        }
        ObjectMapper json = new ObjectMapper();
        Path matrices = work.resolve("costs.json");
        json.writeValue(matrices.toFile(), costs);
        Path helper = work.resolve("_hungarian.py");
        Files.writeString(helper, BlockLibrary.standard().find("_hungarian").orElseThrow().code());
        Path script = work.resolve("check_hungarian.py");
        try (InputStream in = HungarianParityTest.class.getResourceAsStream("check_hungarian.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(TestPython.interpreter().toString(), script.toString(), helper.toString(),
                matrices.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "check_hungarian.py did not finish");
        assertEquals(0, p.exitValue(), "check_hungarian.py failed:\n" + out);
        JsonNode python = json.readTree(out);
        for (int k = 0; k < costs.size(); k++) {
            int[] expected = HungarianMatcher.match(costs.get(k));
            int[] got = json.treeToValue(python.get(k), int[].class);
            assertEquals(Arrays.toString(expected), Arrays.toString(got), "matrix " + k + ": "
                    + Arrays.deepToString(costs.get(k)));
        }
    }
}
