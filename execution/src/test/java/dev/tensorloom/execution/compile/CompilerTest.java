package dev.tensorloom.execution.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.testing.TestGraphs;
import dev.tensorloom.execution.testing.TestOps;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.testing.TestBlocks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompilerTest {

    @Test
    void stepsAreTopologicalWithProducersResolvedToOutputIndices() {
        Plan plan = Compiler.compile(TestGraphs.residual(false), TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        for (Step s : plan.steps()) {
            for (Optional<InputRef> ref : s.inputs()) {
                assertTrue(ref.orElseThrow().step() < s.index(), s.nodeId() + " runs after its producers");
            }
        }
        Step a1 = plan.step(plan.indexOf("a1"));
        assertEquals(new InputRef(plan.indexOf("l2"), 0), a1.inputs().get(0).orElseThrow());
        assertEquals(new InputRef(plan.indexOf("sp"), 1), a1.inputs().get(1).orElseThrow(), "split2.second is output 1");
        assertEquals(List.of("x", "y"), plan.sourceSteps().stream().map(Step::field).toList());
        assertEquals(List.of("loss1", "loss2"), plan.lossSteps().stream().map(Step::nodeId).toList());
        assertEquals(2, plan.step(plan.indexOf("sp")).outputCount());
        assertEquals(Device.cpu(), plan.device());
    }

    @Test
    void errorsNameTheNode() {
        CompileException unknown = assertThrows(CompileException.class, () -> Compiler.compile(
                new DocumentBuilder().node("x", "input").node("q", "quantum").build(),
                TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU));
        assertEquals("q", unknown.nodeId());
        assertTrue(unknown.getMessage().contains("unknown block type 'quantum'"));

        CompileException noOp = assertThrows(CompileException.class, () -> Compiler.compile(
                TestGraphs.residual(false), TestBlocks.catalog(), new OpRegistry(), DeviceChoice.CPU));
        assertEquals("l1", noOp.nodeId());
        assertTrue(noOp.getMessage().contains("no implementation"));

        CompileException open = assertThrows(CompileException.class, () -> Compiler.compile(
                new DocumentBuilder().node("x", "input").node("a", "add").node("l", "mse")
                        .wire("x.out", "a.a").wire("a.out", "l.pred").wire("x.out", "l.target").build(),
                TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU));
        assertEquals("a", open.nodeId());
        assertTrue(open.getMessage().contains("input 'b' is not connected"));
    }

    @Test
    void deviceChoice() {
        assertEquals(Device.cpu(), DeviceChoice.AUTO.resolve(0));
        assertEquals(Device.gpu(), DeviceChoice.AUTO.resolve(2));
        assertEquals(Device.cpu(), DeviceChoice.CPU.resolve(2));
        CompileException noGpu = assertThrows(CompileException.class, () -> DeviceChoice.GPU.resolve(0));
        assertEquals("no GPU visible to DJL (PyTorch CPU build); use --device cpu or the GPU build, see README",
                noGpu.getMessage());
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse(" Gpu "));
        assertThrows(CompileException.class, () -> DeviceChoice.parse("tpu"));
    }
}
