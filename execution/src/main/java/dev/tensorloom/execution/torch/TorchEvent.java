package dev.tensorloom.execution.torch;

import java.util.List;
import java.util.Map;

/**
 * One event of the PyTorch engine's protocol (version {@value #PROTOCOL}): a JSON object per line on the
 * child's standard output, {@code {"v": 1, "type": ..., ...}}, documented in docs/pytorch-engine.md.
 */
public sealed interface TorchEvent {
    int PROTOCOL = 1;

    /** The run began: where it trains and with how many processes. */
    record Started(String device, int processes, int steps, int batchSize, long parameters, boolean checkpointing)
            implements TorchEvent {
    }

    /** A finished training step (1-based), the loss averaged over processes. */
    record Step(long step, double loss, double learningRate, double examplesPerSecond) implements TorchEvent {
    }

    /** A held-out evaluation after {@code step} steps. */
    record Evaluation(long step, Map<String, Double> values) implements TorchEvent {
    }

    /** The run is paused before step {@code step + 1}. */
    record Paused(long step) implements TorchEvent {
    }

    /**
     * What one training step held: bytes autograd saved per node (each storage once) and device memory
     * sampled around every node's forward and backward.
     *
     * @param source how device memory was read ({@code torch.cuda.memory_allocated} or {@code glibc mallinfo2})
     */
    record Memory(long step, String source, String device, long baselineBytes, long peakBytes,
            Map<String, Long> savedBytes, List<Sample> samples) implements TorchEvent {
        /** Device memory in use at one point of the step. */
        public record Sample(String phase, String node, long bytes) {
        }
    }

    /** Statistics and a preview of one output of the watched node. */
    record Activation(long step, String node, int output, Map<String, Double> stats, long[] shape, int rows, int cols,
            float[] values) implements TorchEvent {
    }

    /** The run ended; {@code stopped} when it was asked to stop before its last step. */
    record Finished(long steps, boolean stopped, double elapsedSeconds, long forwardEvaluations,
            Map<String, Double> lastEvaluation) implements TorchEvent {
    }

    /** The run failed at a step, in a node when one is to blame. */
    record Failed(long step, String message, String node) implements TorchEvent {
    }

    /** A newer event type this build does not know; kept so nothing is silently lost. */
    record Unknown(String type, String line) implements TorchEvent {
    }
}
