package dev.tensorloom.execution.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.testing.TestGraphs;
import dev.tensorloom.execution.testing.TestOps;
import dev.tensorloom.model.testing.TestBlocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsFileTest {
    private static final Plan PLAN = Compiler.compile(TestGraphs.residual(false), TestBlocks.catalog(),
            TestOps.ops(), DeviceChoice.CPU);

    private static ParameterStore initialised(long seed, NDManager data) {
        ParameterStore store = new ParameterStore(PLAN.device(), seed);
        try (Executor e = new Executor(PLAN, store, seed)) {
            e.evaluate(TestGraphs.batch(data, 2, 0), ForwardObserver.NONE);
        }
        return store;
    }

    private static List<byte[]> bits(ParameterStore store) {
        return store.parameters().stream().map(Map.Entry::getValue).map(NDArray::toByteArray).toList();
    }

    @Test
    void saveThenLoadRestoresEveryBit(@TempDir Path dir) throws IOException {
        try (NDManager data = NDManager.newBaseManager();
                ParameterStore a = initialised(1, data);
                ParameterStore b = initialised(2, data)) {
            assertFalse(Arrays.equals(bits(a).get(0), bits(b).get(0)), "different seeds, different weights");
            WeightsFile.save(a, dir.resolve("project.weights"));
            WeightsFile.load(b, dir.resolve("project.weights"));
            List<byte[]> expected = bits(a);
            List<byte[]> actual = bits(b);
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), actual.get(i));
            }
        }
    }

    @Test
    void sameSeedGivesSameWeightsIndependentOfOtherNodes() {
        try (NDManager data = NDManager.newBaseManager();
                ParameterStore a = initialised(5, data);
                ParameterStore b = initialised(5, data)) {
            List<byte[]> x = bits(a);
            List<byte[]> y = bits(b);
            for (int i = 0; i < x.size(); i++) {
                assertArrayEquals(x.get(i), y.get(i));
            }
        }
    }

    @Test
    void refusesAFileThatIsNotAWeightsFile(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(WeightsFile.FILE_NAME), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try (NDManager data = NDManager.newBaseManager(); ParameterStore a = initialised(1, data)) {
            assertThrows(IOException.class, () -> WeightsFile.load(a, dir));
        }
    }
}
