package dev.tensorloom.execution.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreOpsRegistryTest {
    @Test
    void everyDataAndCoreBlockTypeHasAnOp() {
        BlockCatalog catalog = BlockCatalog.standard();
        OpRegistry registry = OpRegistry.standard();
        List<BlockType> types = new java.util.ArrayList<>(catalog.inCategory(BlockCategory.DATA));
        types.addAll(catalog.inCategory(BlockCategory.CORE));
        assertEquals(25, types.size());
        for (BlockType t : types) {
            assertTrue(registry.find(t.id()).isPresent(), "no op for " + t.id());
        }
    }
}
