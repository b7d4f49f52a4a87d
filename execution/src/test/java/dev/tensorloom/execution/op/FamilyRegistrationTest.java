package dev.tensorloom.execution.op;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.op.flow.InvertibleOp;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.Params;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every state-space, flow and detection catalog type has an op, and every flow op can be inverted. */
class FamilyRegistrationTest {
    private static final List<String> FLOWS = List.of("additive_coupling", "affine_coupling", "actnorm", "reverse_perm", "diag_scale");
    private static final List<String> OTHERS = List.of("s4d", "mamba", "spp", "giou_loss", "diou_loss", "ciou_loss",
            "varifocal_loss", "detr_set_loss");

    @Test
    void catalogTypesHaveOps() {
        BlockCatalog catalog = BlockCatalog.standard();
        OpRegistry ops = OpRegistry.standard();
        for (String id : OTHERS) {
            assertTrue(ops.find(id).isPresent(), id);
            ops.find(id).get().create(new Params(catalog.require(id), Map.of()));
        }
        for (String id : FLOWS) {
            BlockOp op = ops.find(id).orElseThrow().create(new Params(catalog.require(id), Map.of()));
            assertTrue(op instanceof InvertibleOp, id + " must offer an inverse for sampling");
        }
    }
}
