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
