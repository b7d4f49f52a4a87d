package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectiveCopyTest {

    @Test
    void targetHoldsTheDataTokensInOrderOfAppearanceAfterTheMarkers() {
        SelectiveCopyGenerator g = new SelectiveCopyGenerator(96, 8, 10);
        HostBatch b = g.generate(new DataRandom(3), 16);
        int total = 96 + 8;
        assertArrayEquals(new long[] {16, total}, b.get("tokens").shape());
        assertArrayEquals(new long[] {16, total}, b.get("target").shape());
        long[] tokens = b.get("tokens").longs();
        long[] target = b.get("target").longs();
        for (int i = 0; i < 16; i++) {
            int off = i * total;
            List<Long> data = new ArrayList<>();
            for (int j = 0; j < 96; j++) {
                long t = tokens[off + j];
                if (t < 10) {
                    data.add(t);
                } else {
                    assertEquals(10, t, "noise token");
                }
                assertEquals(SelectiveCopyGenerator.IGNORE, target[off + j]);
            }
            assertEquals(8, data.size(), "exactly k data tokens");
            for (int j = 0; j < 8; j++) {
                assertEquals(11, tokens[off + 96 + j], "recall marker");
                assertEquals(data.get(j), target[off + 96 + j]);
            }
        }
    }

    @Test
    void positionsVaryAcrossExamples() {
        HostBatch b = new SelectiveCopyGenerator(96, 8, 10).generate(new DataRandom(4), 2);
        long[] t = b.get("tokens").longs();
        boolean differ = false;
        for (int j = 0; j < 96; j++) {
            differ |= (t[j] == 10) != (t[104 + j] == 10);
        }
        assertEquals(true, differ);
    }

    @Test
    void registryDefaultsAndLayout() {
        SyntheticDataset d = DatasetRegistry.standard().open("selective-copy", Map.of(), 1);
        assertEquals("[B, 104]", d.fields().get(0).type().toString());
        SelectiveCopyGenerator g = (SelectiveCopyGenerator) d.generator();
        assertEquals(10, g.noiseToken());
        assertEquals(11, g.markerToken());
        assertEquals(12, g.tokenCount());
    }

    @Test
    void allPositionsDataWhenLengthEqualsK() {
        HostBatch b = new SelectiveCopyGenerator(4, 4, 3).generate(new DataRandom(9), 1);
        long[] t = b.get("tokens").longs();
        long[] y = b.get("target").longs();
        for (int j = 0; j < 4; j++) {
            assertEquals(t[j], y[4 + j]);
        }
    }
}
