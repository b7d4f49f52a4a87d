package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyExplanationTest {
    @Test
    void oneOfEachReadsInTheSingular() {
        String text = PolicyPrediction.explain("revolve:1", ProfileSource.MEASURED, List.of("head", "loss"),
                List.of("enc1"), List.of("embed"), 3L << 20, 6L << 20, 1, 0.25);
        assertEquals("revolve:1 stores 2 of 4 layers in full (head, loss) and keeps only the outputs of 1 checkpoint "
                + "layer (enc1); the other 1 layer (embed) drops its activations after the forward pass and is run "
                + "again in the backward pass (1 extra layer forward, about 25% more forward time). The predicted peak "
                + "of saved activations (outputs and the tensors autograd keeps, as profiled; gradients not counted) "
                + "is 3.0 MiB instead of 6.0 MiB without checkpointing (50% less).", text);
    }

    @Test
    void severalReadInThePlural() {
        String text = PolicyPrediction.explain("sqrt", ProfileSource.ESTIMATED, List.of("norm"),
                List.of("enc1", "enc2"), List.of("embed", "pos"), 1L << 20, 4L << 20, 4, 0.99);
        assertEquals("sqrt stores 1 of 5 layers in full (norm) and keeps only the outputs of 2 checkpoint layers "
                + "(enc1, enc2); the other 2 layers (embed, pos) drop their activations after the forward pass and are "
                + "run again in the backward pass (4 extra layer forwards, about 99% more forward time, judged by "
                + "FLOPs). The predicted peak of saved activations (node outputs and the internals each block's "
                + "estimate counts, from the inferred shapes; gradients not counted) is 1.0 MiB instead of 4.0 MiB "
                + "without checkpointing (75% less).", text);
    }
}
