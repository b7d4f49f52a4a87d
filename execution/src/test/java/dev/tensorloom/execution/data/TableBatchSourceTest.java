package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tensorloom.model.shape.DType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableBatchSourceTest {

    /** Example i has the single value i, so batches show which examples they hold. */
    private static final class Counting implements ExampleTable {
        private final int n;

        Counting(int n) {
            this.n = n;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public List<FieldSpec> fields() {
            return List.of(FieldSpec.of("i", DType.INT64, "example index"));
        }

        @Override
        public HostBatch gather(int[] indices) {
            return HostBatch.builder().put("i", HostArray.ofLongs(Arrays.stream(indices).asLongStream().toArray(),
                    indices.length)).build();
        }
    }

    @Test
    void seekingPastKBatchesGivesTheBatchesAFreshSourceGivesAfterDrawingThem() {
        // 8 training examples: batches of 3 and 8 run across epoch ends, and k = 8 batches of 8 end one exactly.
        for (int batch : new int[] {1, 3, 8}) {
            for (int k : new int[] {0, 1, 2, 5, 8}) {
                TableBatchSource drawn = new TableBatchSource(new Counting(10), 4, 0.2, 4);
                for (int i = 0; i < k; i++) {
                    drawn.next(batch);
                }
                TableBatchSource skipped = new TableBatchSource(new Counting(10), 4, 0.2, 4);
                skipped.seek(k, batch);
                for (int i = 0; i < 6; i++) {
                    assertArrayEquals(drawn.next(batch).get("i").longs(), skipped.next(batch).get("i").longs(),
                            "batch " + (k + i) + " of size " + batch);
                }
            }
        }
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        TableBatchSource a = new TableBatchSource(new Counting(50), 9, 0.2, 4);
        assertEquals(10, a.heldOutIndices().length);
        Set<Integer> all = new HashSet<>();
        Arrays.stream(a.trainIndices()).forEach(all::add);
        Arrays.stream(a.heldOutIndices()).forEach(all::add);
        assertEquals(50, all.size());
        assertArrayEquals(a.heldOutIndices(), new TableBatchSource(new Counting(50), 9, 0.2, 4).heldOutIndices());
        assertFalse(Arrays.equals(a.heldOutIndices(), new TableBatchSource(new Counting(50), 10, 0.2, 4)
                .heldOutIndices()));
        assertEquals(List.of(4L, 4L, 2L), a.heldOut().stream().map(b -> (long) b.batchSize()).toList());
        assertEquals(a.heldOut(), a.heldOut());
    }

    @Test
    void eachEpochVisitsEveryTrainingExampleOnceInASeededOrder() {
        TableBatchSource a = new TableBatchSource(new Counting(20), 3, 0.25, 8);
        Set<Long> seen = new HashSet<>();
        long[] firstEpoch = new long[15];
        for (int k = 0; k < 5; k++) {
            long[] ids = a.next(3).get("i").longs();
            System.arraycopy(ids, 0, firstEpoch, 3 * k, 3);
            Arrays.stream(ids).forEach(seen::add);
        }
        assertEquals(15, seen.size());
        Set<Long> held = new HashSet<>();
        Arrays.stream(a.heldOutIndices()).forEach(i -> held.add((long) i));
        seen.forEach(i -> assertFalse(held.contains(i)));
        TableBatchSource b = new TableBatchSource(new Counting(20), 3, 0.25, 8);
        assertArrayEquals(firstEpoch, b.next(15).get("i").longs(), "same seed, same order");
        assertNotEquals(Arrays.toString(firstEpoch), Arrays.toString(b.next(15).get("i").longs()),
                "the next epoch is reshuffled");
    }

    @Test
    void batchesRunAcrossEpochEnds() {
        TableBatchSource a = new TableBatchSource(new Counting(3), 1, 0, 8);
        assertEquals(0, a.heldOut().size());
        long[] ids = a.next(7).get("i").longs();
        assertEquals(7, ids.length);
        assertEquals(Set.of(0L, 1L, 2L), Set.of(ids[0], ids[1], ids[2]));
        assertEquals(Set.of(0L, 1L, 2L), Set.of(ids[3], ids[4], ids[5]));
    }
}
