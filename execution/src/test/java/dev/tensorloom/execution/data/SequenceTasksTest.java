package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceTasksTest {
    private static final DatasetRegistry REGISTRY = DatasetRegistry.standard();
    private static final int B = 6;
    private static final int L = 16;

    private static long[][] rows(HostArray a) {
        int len = (int) a.dim(1);
        long[][] r = new long[(int) a.dim(0)][];
        for (int i = 0; i < r.length; i++) {
            r[i] = Arrays.copyOfRange(a.longs(), i * len, (i + 1) * len);
        }
        return r;
    }

    private static HostBatch batch(String id) {
        return REGISTRY.open(id, Map.of(), 5).next(B);
    }

    @Test
    void defaultsAreLength16Vocab10() {
        HostBatch b = batch("seq-copy");
        assertArrayEquals(new long[] {B, L}, b.get("tokens").shape());
        assertEquals(DType.INT64, b.get("target").dtype());
        assertTrue(Arrays.stream(b.get("tokens").longs()).allMatch(t -> t >= 0 && t < 10));
        assertEquals(10, Arrays.stream(REGISTRY.open("seq-copy", Map.of(), 5).next(64).get("tokens").longs())
                .distinct().count(), "every symbol of the vocabulary occurs");
    }

    @Test
    void reverseTargetIsTheReversedInput() {
        HostBatch b = batch("seq-reverse");
        long[][] tokens = rows(b.get("tokens"));
        long[][] target = rows(b.get("target"));
        for (int i = 0; i < B; i++) {
            for (int j = 0; j < L; j++) {
                assertEquals(tokens[i][L - 1 - j], target[i][j]);
            }
        }
    }

    @Test
    void copyTargetEqualsInput() {
        HostBatch b = batch("seq-copy");
        assertArrayEquals(b.get("tokens").longs(), b.get("target").longs());
    }

    @Test
    void sortTargetIsSortedPermutationOfInput() {
        HostBatch b = batch("seq-sort");
        long[][] tokens = rows(b.get("tokens"));
        long[][] target = rows(b.get("target"));
        for (int i = 0; i < B; i++) {
            for (int j = 1; j < L; j++) {
                assertTrue(target[i][j - 1] <= target[i][j], "ascending");
            }
            long[] counts = new long[10];
            for (int j = 0; j < L; j++) {
                counts[(int) tokens[i][j]]++;
                counts[(int) target[i][j]]--;
            }
            assertArrayEquals(new long[10], counts, "same multiset");
        }
    }

    @Test
    void parametersChangeLengthAndVocab() {
        HostBatch b = REGISTRY.open("seq-reverse?length=5&vocab=3", 1).next(4);
        assertArrayEquals(new long[] {4, 5}, b.get("target").shape());
        assertTrue(Arrays.stream(b.get("tokens").longs()).allMatch(t -> t >= 0 && t < 3));
    }
}
