package dev.tensorloom.studio.task;

import java.util.List;
import java.util.function.Consumer;

/**
 * Makes publishers that carry a worker's values to the UI thread: throttled onto the JavaFX thread in
 * the studio ({@link #fx}), delivered at once on the calling thread in view-model tests ({@link #direct}).
 */
@FunctionalInterface
public interface UpdateThrottle {
    /** The studio's limit: at most this many updates per second per view. */
    int UPDATES_PER_SECOND = 20;

    /** A publisher delivering batches of offered values to {@code sink}. */
    <T> Consumer<T> publisher(Consumer<List<T>> sink);

    /** Batches onto the JavaFX thread, at most {@link #UPDATES_PER_SECOND} per second per publisher. */
    static UpdateThrottle fx() {
        return new UpdateThrottle() {
            @Override
            public <T> Consumer<T> publisher(Consumer<List<T>> sink) {
                return ThrottledFxPublisher.fx(UPDATES_PER_SECOND, sink)::offer;
            }
        };
    }

    /** Every value at once, on the offering thread, as a batch of one (tests). */
    static UpdateThrottle direct() {
        return new UpdateThrottle() {
            @Override
            public <T> Consumer<T> publisher(Consumer<List<T>> sink) {
                return v -> sink.accept(List.of(v));
            }
        };
    }
}
