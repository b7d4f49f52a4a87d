package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetRegistryTest {
    private final DatasetRegistry registry = DatasetRegistry.standard();

    @Test
    void listsEveryBuiltInDatasetWithAOneLineDescription() {
        assertEquals(List.of("seq-reverse", "seq-copy", "seq-sort", "selective-copy", "two-moons", "eight-gaussians",
                "checkerboard", "shapes-detection", "regression-chain", "shapes16", "stick-figures", "glyph-faces"),
                registry.all().stream().map(DatasetDescriptor::id).toList());
        for (DatasetDescriptor d : registry.all()) {
            assertFalse(d.description().isBlank());
            assertFalse(d.description().contains("\n"));
        }
    }

    @Test
    void fieldsFollowParameters() {
        assertEquals("[tokens: int64 [B, 16], target: int64 [B, 16]]",
                registry.get("seq-reverse").fields(Map.of()).toString());
        assertEquals("[tokens: int64 [B, 40], target: int64 [B, 40]]",
                registry.get("selective-copy").fields(Map.of("length", 36L, "data_tokens", 4L)).toString());
        assertEquals("[x: float32 [B, 2]]", registry.get("checkerboard").fields(Map.of()).toString());
        assertEquals("[image: float32 [B, 3, 64, 64], boxes: float32 [B, 4, 4], labels: int64 [B, 4], "
                + "count: int64 [B]]", registry.get("shapes-detection").fields(Map.of()).toString());
    }

    @Test
    void specStringsCarryParameters() {
        assertTrue(registry.isSynthetic("two-moons?noise=0.1"));
        assertFalse(registry.isSynthetic("/data/train.csv"));
        assertEquals(3, registry.open("seq-copy?length=3", 1).next(2).get("tokens").dim(1));
        assertEquals(registry.open("two-moons?noise=0.1", 1).next(4),
                registry.open("two-moons", Map.of("noise", 0.1), 1).next(4));
    }

    @Test
    void badNamesAndValuesGiveClearMessages() {
        assertEquals("unknown dataset 'moons' (known: seq-reverse, seq-copy, seq-sort, selective-copy, two-moons, "
                + "eight-gaussians, checkerboard, shapes-detection, regression-chain, shapes16, stick-figures, glyph-faces)",
                assertThrows(IllegalArgumentException.class, () -> registry.open("moons", 1)).getMessage());
        assertEquals("seq-copy has no parameter 'len' (parameters: [length, vocab])",
                assertThrows(IllegalArgumentException.class, () -> registry.open("seq-copy?len=3", 1)).getMessage());
        assertEquals("seq-copy: length must be a number, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> registry.open("seq-copy?length=x", 1))
                        .getMessage());
        assertEquals("seq-copy: length must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> registry.open("seq-copy?length=0", 1))
                        .getMessage());
        assertEquals("selective-copy has no parameter 'len' (parameters: [length, data_tokens, vocab])",
                assertThrows(IllegalArgumentException.class,
                        () -> registry.open("selective-copy", Map.of("len", 3L), 1)).getMessage());
    }
}
