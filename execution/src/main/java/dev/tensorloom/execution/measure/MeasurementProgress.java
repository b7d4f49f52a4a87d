package dev.tensorloom.execution.measure;

/**
 * Hears which phase a memory measurement is in, between its steps, on the measuring thread. Throwing
 * (a {@link java.util.concurrent.CancellationException}, say) stops the measurement there: the caller's
 * executor and batch are closed as on any failure.
 */
@FunctionalInterface
public interface MeasurementProgress {
    MeasurementProgress NONE = (phase, done) -> { };

    /**
     * @param phase what runs next, in words ("metering sqrt, step 2")
     * @param done  the share of the measurement's phases behind it, 0 to 1 (phases, not time)
     */
    void phase(String phase, double done);
}
