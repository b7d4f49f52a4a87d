package dev.tensorloom.execution.session;

/**
 * What the activation view asks of a running session beyond plain snapshots: which example of the batch
 * attention maps and the output preview show and which channel of an image output (changed from the UI
 * thread while training, read by the training thread), and how often whole-model pictures (flow samples,
 * sampler steps, detections) are drawn. Those cost a sampling or evaluation pass, so they are drawn every
 * {@code modelViewsEvery} steps and after the last step only, never when no view asks ({@code 0}).
 */
public final class ViewRequest {
    /** No model pictures, attention of the first example. */
    public static final ViewRequest NONE = new ViewRequest(0);

    private final int modelViewsEvery;
    private volatile int example;
    private volatile int channel;

    /** @param modelViewsEvery draw model pictures on steps 0, N, 2N… and the last; 0 never */
    public ViewRequest(int modelViewsEvery) {
        if (modelViewsEvery < 0) {
            throw new IllegalArgumentException("modelViewsEvery must be >= 0");
        }
        this.modelViewsEvery = modelViewsEvery;
    }

    public int modelViewsEvery() {
        return modelViewsEvery;
    }

    /** The example of the batch whose attention heads are copied out (clamped to the batch). */
    public int example() {
        return example;
    }

    /** Safe from any thread; the next snapshot uses it. */
    public void setExample(int example) {
        if (this == NONE) {
            throw new UnsupportedOperationException("the shared NONE request cannot change");
        }
        this.example = Math.max(0, example);
    }

    /** The channel of image outputs ([B, C, H, W]) the output preview shows (clamped to the channels). */
    public int channel() {
        return channel;
    }

    /** Safe from any thread; the next snapshot uses it. */
    public void setChannel(int channel) {
        if (this == NONE) {
            throw new UnsupportedOperationException("the shared NONE request cannot change");
        }
        this.channel = Math.max(0, channel);
    }

    boolean modelViewsDue(long step, long steps) {
        return modelViewsEvery > 0 && (step % modelViewsEvery == 0 || step == steps - 1);
    }
}
