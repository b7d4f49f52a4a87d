package dev.tensorloom.execution.op.transformer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.model.catalog.BlockCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformerRegistryTest {
    @Test
    void everyTransformerAndLossBlockHasAnOp() {
        OpRegistry ops = OpRegistry.standard();
        BlockCatalog catalog = BlockCatalog.standard();
        for (String id : List.of("attention", "feedforward", "encoder_block", "decoder_block", "sinusoidal_pos",
                "learned_pos", "sincos2d_pos", "patch_embed", "cross_entropy", "mse", "flow_nll", "rf_velocity_mse")) {
            assertTrue(catalog.find(id).isPresent(), "block type " + id);
            assertTrue(ops.find(id).isPresent(), "op " + id);
        }
    }
}
