package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.Tradeoff;
import dev.tensorloom.execution.checkpoint.TradeoffExplorer;
import dev.tensorloom.execution.checkpoint.TradeoffPoint;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.OneAtATime;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The trade-off explorer's state: every policy the planner offers, predicted on the memory view's current
 * costs (estimated from shapes before a run, measured after one) off the UI thread, the points the user has
 * measured, and the chosen policy. Choosing a point plans it in the memory view (which recolours the
 * canvas) and makes it the next run's policy; "fit in N MiB" chooses the fastest plan predicted to fit.
 */
public final class TradeoffViewModel {
    private final MemoryViewModel memory;
    private final Consumer<String> applyToRun;
    private final TaskExecutor tasks;

    private final ReadOnlyObjectWrapper<Tradeoff> tradeoff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlanningBasis> explored = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<MeasuredPoint>> measured = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<TradeoffPoint> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Waiting for the model's costs…");
    private final ReadOnlyStringWrapper fitText = new ReadOnlyStringWrapper("");
    private final OneAtATime<PlanningBasis> explorations = new OneAtATime<>(this::explore);

    /**
     * @param applyToRun sets the policy of the next training run (a document edit, so it can be undone)
     */
    public TradeoffViewModel(MemoryViewModel memory, Consumer<String> applyToRun, TaskExecutor tasks) {
        this.memory = Objects.requireNonNull(memory);
        this.applyToRun = Objects.requireNonNull(applyToRun);
        this.tasks = Objects.requireNonNull(tasks);
        memory.basisProperty().addListener((o, a, b) -> basisChanged(b));
        memory.analysisProperty().addListener((o, a, b) -> {
            if (b != null) {
                addMeasured(MeasuredPoint.of(b));
            }
        });
        memory.pickedPolicyProperty().addListener((o, a, b) -> showChosen(b));
        basisChanged(memory.basisProperty().get());
    }

    private void basisChanged(PlanningBasis b) {
        if (b == null || b.source() == ProfileSource.ESTIMATED) {
            // New estimates mean the model changed: earlier measurements were of another model.
            measured.set(List.of());
        } else {
            measured.set(measured.get().stream().filter(p -> p.batchSize() == b.batchSize()).toList());
        }
        if (b == null) {
            tradeoff.set(null);
            explored.set(null);
            chosen.set(null);
            summary.set(memory.planNoticeProperty().get());
            return;
        }
        explorations.request(b);
    }

    private void explore(PlanningBasis b) {
        summary.set("Predicting every policy…");
        BackgroundTask.wrap(b::tradeoff).onSuccess(t -> {
            if (b == memory.basisProperty().get()) {
                explored.set(b);
                tradeoff.set(t);
                summary.set(summary(b, t));
                showChosen(memory.pickedPolicyProperty().get());
            }
            explorations.done();
        }).onFailure(e -> {
            summary.set("Cannot predict the policies: " + e.getMessage());
            explorations.done();
        }).executeWith(tasks);
    }

    static String summary(PlanningBasis b, Tradeoff t) {
        String basis = b.source() == ProfileSource.MEASURED ? "on the measured costs" : "on costs estimated from shapes";
        String step = b.noneStep().measured()
                ? String.format(Locale.ROOT, "none's step %s (measured)", millis(b.noneStep().stepNanos()))
                : "none's step estimated as three forwards";
        return String.format(Locale.ROOT, "%d policies predicted %s (batch %d), %d on the frontier; %s.",
                t.points().size(), basis, b.batchSize(), t.frontier().size(), step);
    }

    private static String millis(long nanos) {
        return nanos >= 10_000_000 ? String.format(Locale.ROOT, "%.0f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private void addMeasured(List<MeasuredPoint> points) {
        List<MeasuredPoint> all = new ArrayList<>(measured.get());
        for (MeasuredPoint p : points) {
            // The latest measurement of a policy stands for it.
            all.removeIf(q -> q.policy().equals(p.policy()) && q.batchSize() == p.batchSize());
            all.add(p);
        }
        measured.set(List.copyOf(all));
    }

    /** Highlights the point of {@code policyText} (planned off the UI thread when it was not explored). */
    private void showChosen(String policyText) {
        Tradeoff t = tradeoff.get();
        PlanningBasis b = explored.get();
        CheckpointPolicy policy;
        try {
            policy = CheckpointPolicy.parse(policyText);
        } catch (IllegalArgumentException e) {
            chosen.set(null);
            return;
        }
        if (t == null || b == null) {
            chosen.set(null);
            return;
        }
        Optional<TradeoffPoint> known = t.point(policy);
        if (known.isPresent()) {
            chosen.set(known.get());
            return;
        }
        BackgroundTask.wrap(() -> TradeoffExplorer.predict(b.planGraph(), policy, b.noneStep().stepNanos()))
                .onSuccess(p -> {
                    if (policyText.equals(memory.pickedPolicyProperty().get()) && b == explored.get()) {
                        chosen.set(p);
                    }
                }).onFailure(e -> chosen.set(null)).executeWith(tasks);
    }

    /** Plans {@code point}'s policy in the memory view (the canvas shows it) and applies it to the next run. */
    public void choose(TradeoffPoint point) {
        choose(point.policy().toString());
    }

    private void choose(String policy) {
        memory.replan(policy);
        applyToRun.accept(policy);
        fitText.set("Next run: " + policy);
    }

    /** Chooses the fastest plan predicted to fit in {@code mebibytes} MiB, or says why none does. */
    public void fitIn(long mebibytes) {
        Tradeoff t = tradeoff.get();
        PlanningBasis b = explored.get();
        if (t == null || b == null || mebibytes < 1) {
            fitText.set(mebibytes < 1 ? "Give a budget of at least 1 MiB" : "No predictions yet");
            return;
        }
        BackgroundTask.wrap(() -> b.fastestWithin(t, mebibytes)).onSuccess(p -> {
            if (p.isEmpty()) {
                fitText.set(String.format(Locale.ROOT, "Nothing fits in %d MiB: the least predicted peak is %s",
                        mebibytes, PolicyPrediction.mib(t.leastPeakBytes())));
                return;
            }
            choose(p.get().policy().toString());
            fitText.set(String.format(Locale.ROOT, "Fastest within %d MiB: %s (%s, step ×%.2f); next run: %s",
                    mebibytes, p.get().policy(), PolicyPrediction.mib(p.get().peakBytes()),
                    p.get().timeRatio(t.noneStepNanos()), p.get().policy()));
        }).onFailure(e -> fitText.set("Cannot plan within " + mebibytes + " MiB: " + e.getMessage()))
                .executeWith(tasks);
    }

    /** Every explored policy's point; null while there are no costs to predict from. */
    public ReadOnlyObjectProperty<Tradeoff> tradeoffProperty() {
        return tradeoff.getReadOnlyProperty();
    }

    /** The costs the current trade-off was predicted on. */
    public ReadOnlyObjectProperty<PlanningBasis> exploredProperty() {
        return explored.getReadOnlyProperty();
    }

    /** The policies measured on this model and batch, latest per policy. */
    public ReadOnlyObjectProperty<List<MeasuredPoint>> measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    /** The point of the policy picked in the memory view; null when it has none. */
    public ReadOnlyObjectProperty<TradeoffPoint> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** How many policies, predicted on what, how many on the frontier. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The outcome of the last choice or "fit in" request. */
    public ReadOnlyStringProperty fitTextProperty() {
        return fitText.getReadOnlyProperty();
    }
}
