package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.measure.PolicyMeasurement;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the memory timeline shows of one measurement: the ledger and measured series of {@code none} and of the
 * policy, each thinned to {@value #POINTS} points, their peak marks and the peaks in words.
 */
public final class MeasuredTimelines {
    static final int POINTS = 600;

    private final ReadOnlyObjectWrapper<List<ChartPoint>> baselineLedger = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> baselineMeasured = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> policyLedger = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> policyMeasured = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper peaks = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<PeakMark>> peakMarks = new ReadOnlyObjectWrapper<>(List.of());

    /** Shows a measurement of {@code none} and of the policy named {@code policy}. */
    void show(MemoryAnalysis a, String policy) {
        PolicyMeasurement base = a.result().baseline();
        PolicyMeasurement chosen = a.result().policy();
        baselineLedger.set(TimelineSeries.ledger(base.samples(), POINTS));
        baselineMeasured.set(TimelineSeries.measured(base.samples(), base.startMeasuredBytes(), POINTS));
        policyLedger.set(TimelineSeries.ledger(chosen.samples(), POINTS));
        policyMeasured.set(TimelineSeries.measured(chosen.samples(), chosen.startMeasuredBytes(), POINTS));
        peakMarks.set(PeakMark.peaks(List.of(baselineLedger.get(), baselineMeasured.get(), policyLedger.get(),
                policyMeasured.get()), List.of("none ledger", "none measured ≥", policy + " ledger",
                policy + " measured ≥")));
        peaks.set(PeaksText.of(a, policy));
    }

    /** Empties every series (another project was loaded). */
    void clear() {
        baselineLedger.set(List.of());
        baselineMeasured.set(List.of());
        policyLedger.set(List.of());
        policyMeasured.set(List.of());
        peaks.set("");
        peakMarks.set(List.of());
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> baselineLedgerProperty() {
        return baselineLedger.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> baselineMeasuredProperty() {
        return baselineMeasured.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> policyLedgerProperty() {
        return policyLedger.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> policyMeasuredProperty() {
        return policyMeasured.getReadOnlyProperty();
    }

    /** Both peaks in words (ledger and measured, none and the policy). */
    public ReadOnlyStringProperty peaksProperty() {
        return peaks.getReadOnlyProperty();
    }

    /** The peak of each timeline series, for the chart's markers. */
    public ReadOnlyObjectProperty<List<PeakMark>> peakMarksProperty() {
        return peakMarks.getReadOnlyProperty();
    }
}
