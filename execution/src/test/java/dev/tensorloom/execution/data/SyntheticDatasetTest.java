package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticDatasetTest {
    private static final DatasetRegistry REGISTRY = DatasetRegistry.standard();

    static List<String> ids() {
        return REGISTRY.all().stream().map(DatasetDescriptor::id).toList();
    }

    /** Small parameters where the defaults are big, to keep the suite fast. */
    private static SyntheticDataset open(String id, long seed) {
        Map<String, ?> params = id.equals("regression-chain") ? Map.of("features", 32L, "hidden", 16L) : Map.of();
        return REGISTRY.open(id, params, seed);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void sameSeedGivesIdenticalBatches(String id) {
        SyntheticDataset a = open(id, 7);
        SyntheticDataset b = open(id, 7);
        for (int i = 0; i < 3; i++) {
            assertEquals(a.next(5), b.next(5), id + " batch " + i);
        }
        assertEquals(a.heldOut(), b.heldOut());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void differentSeedsAndDifferentBatchesDiffer(String id) {
        SyntheticDataset a = open(id, 7);
        HostBatch first = a.next(5);
        assertNotEquals(first, a.next(5), "consecutive batches");
        assertNotEquals(first, open(id, 8).next(5), "other seed");
        assertNotEquals(first, a.heldOut().get(0), "held-out is its own stream");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void batchDependsOnlyOnSeedAndIndex(String id) {
        SyntheticDataset a = open(id, 3);
        a.next(2);
        HostBatch second = a.next(4);
        SyntheticDataset b = open(id, 3);
        b.next(9);
        assertEquals(second, b.next(4));
        b.seek(1);
        assertEquals(second, b.next(4));
        assertEquals(second, b.batch(1, 4));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void heldOutIsFixedAndSized(String id) {
        SyntheticDataset a = open(id, 11);
        List<HostBatch> h = a.heldOut();
        assertEquals(DatasetRegistry.HELD_OUT_BATCHES, h.size());
        h.forEach(b -> assertEquals(DatasetRegistry.HELD_OUT_BATCH_SIZE, b.batchSize()));
        a.next(3);
        assertEquals(h, a.heldOut());
        assertEquals(h, open(id, 11).heldOut());
        assertNotEquals(h.get(0), h.get(1));
    }

    /**
     * At least 1,000 held-out examples, none of them equal to a training example of the first 300 batches
     * of 64 (19,200 examples: longer than most template runs at their batch sizes).
     */
    @ParameterizedTest
    @MethodSource("ids")
    void heldOutHoldsAThousandExamplesDisjointFromTraining(String id) {
        SyntheticDataset a = open(id, 42);
        java.util.Set<String> heldOut = new java.util.HashSet<>();
        int examples = 0;
        for (HostBatch b : a.heldOut()) {
            for (int i = 0; i < b.batchSize(); i++) {
                heldOut.add(example(b, i));
                examples++;
            }
        }
        assertTrue(examples >= 1000, id + ": " + examples + " held-out examples");
        for (int k = 0; k < 300; k++) {
            HostBatch t = a.batch(k, 64);
            for (int i = 0; i < t.batchSize(); i++) {
                assertTrue(!heldOut.contains(example(t, i)), id + ": training batch " + k + " example " + i
                        + " is also held out");
            }
        }
    }

    /** Every field of example {@code i}, as text: equal examples give equal text. */
    private static String example(HostBatch b, int i) {
        StringBuilder s = new StringBuilder();
        b.fields().forEach((name, a) -> {
            int per = a.size() / b.batchSize();
            s.append(name).append('=');
            if (a.dtype() == dev.tensorloom.model.shape.DType.INT64) {
                s.append(java.util.Arrays.toString(java.util.Arrays.copyOfRange(a.longs(), i * per, (i + 1) * per)));
            } else {
                s.append(java.util.Arrays.toString(java.util.Arrays.copyOfRange(a.floats(), i * per, (i + 1) * per)));
            }
            s.append(';');
        });
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void batchesMatchTheirFieldSpecs(String id) {
        SyntheticDataset a = open(id, 1);
        HostBatch b = a.next(3);
        List<FieldSpec> fields = a.fields();
        assertEquals(fields.stream().map(FieldSpec::name).toList(), List.copyOf(b.fields().keySet()));
        for (FieldSpec f : fields) {
            HostArray arr = b.get(f.name());
            assertTrue(f.matches(arr), f + " vs " + arr);
            assertTrue(java.util.Arrays.equals(f.shape(3), arr.shape()), f + " vs " + arr);
        }
    }
}
