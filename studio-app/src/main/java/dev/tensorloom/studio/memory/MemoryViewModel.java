package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.measure.PolicyMeasurement;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.studio.files.DocumentContents;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.OneAtATime;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The memory view's state. Whenever the project changes it estimates per-node costs from the shapes off
 * the UI thread ({@link PlanningBasis#estimate}) and plans the picked policy on them, so the predicted
 * peak, overhead and explanation show before anything runs. {@link #analyze} measures {@code none} and a
 * policy off the UI thread (as {@code tensorloom memory} does), fills the timeline series, peaks and
 * per-node bars, and from then on plans on the measured profile until the project changes again.
 * {@link #replan} plans another policy (no run); the replay steps through the policy's recorded samples
 * as node states.
 */
public final class MemoryViewModel {
    static final int BARS = 24;

    private final Document document;
    private final BlockCatalog catalog;
    private final OpRegistry ops;
    private final MemoryAnalyzer analyzer;
    private final TaskExecutor tasks;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Run the analysis to measure memory");
    private final ReadOnlyObjectWrapper<MemoryAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper policyName = new ReadOnlyStringWrapper("");
    private final MeasuredTimelines timelines = new MeasuredTimelines();
    private final ReadOnlyObjectWrapper<List<NodeBytes>> nodeBytes = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<PolicyPrediction> prediction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlanningBasis> basis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper planNotice = new ReadOnlyStringWrapper("Estimating the model's costs…");

    private final ReplayViewModel replay = new ReplayViewModel();
    private final MeasuringViewModel measuring;
    private final ReadOnlyBooleanProperty stale;
    private final ReadOnlyStringWrapper expandedBar = new ReadOnlyStringWrapper();
    private PlanningBasis barsBasis;
    private PlannedPolicy barsSchedule;
    private final ReadOnlyObjectWrapper<Map<String, String>> planStates = new ReadOnlyObjectWrapper<>(Map.of());
    // Slider drags send many requests: only the newest one is planned after the current one.
    private final OneAtATime<String> plans = new OneAtATime<>(this::plan);
    /** The policy the user picked last; planned again on every new basis. */
    private final ReadOnlyStringWrapper picked = new ReadOnlyStringWrapper("sqrt");
    /** Counts document changes (UI thread): results computed from an older copy are stale. */
    private long revision;
    /** The revision the planning basis was measured at; a measurement outranks estimates of the same model. */
    private long measuredAt = -1;
    /** {@link #revision} when the current project was loaded: older measurements are another project's. */
    private long loadedAt;
    private boolean estimateQueued;
    private final OneAtATime<Void> estimates = new OneAtATime<>(v -> estimate());

    public MemoryViewModel(Document document, BlockCatalog catalog, MemoryAnalyzer analyzer, TaskExecutor tasks) {
        this.document = Objects.requireNonNull(document);
        this.catalog = Objects.requireNonNull(catalog);
        this.ops = OpRegistry.standard();
        this.analyzer = Objects.requireNonNull(analyzer);
        this.tasks = Objects.requireNonNull(tasks);
        this.measuring = new MeasuringViewModel(tasks);
        this.stale = MeasuringViewModel.stale(analysis, policyName, picked);
        document.addListener(change -> {
            if (changesCosts(change)) {
                revision++;
                requestEstimate();
            }
        });
        requestEstimate();
    }

    /**
     * Whether a change can change what the model costs: any edit of the graph, or of the batch or dataset.
     * Picking another checkpoint policy for the next run, say, keeps a measurement of the model current.
     */
    static boolean changesCosts(DocumentChange change) {
        if (change instanceof DocumentChange.ConfigChanged c) {
            return c.before().batchSize() != c.after().batchSize()
                    || !c.before().dataset().equals(c.after().dataset());
        }
        return true;
    }

    // ---- estimating ---------------------------------------------------------------------------

    /**
     * Estimates once the current burst of changes is over: the request goes through the background queue
     * and back to the UI thread, so a project load or a gesture (many document events in one UI event) makes
     * one estimate; changes while an estimate runs make one more afterwards.
     */
    private void requestEstimate() {
        if (estimateQueued) {
            return;
        }
        estimateQueued = true;
        tasks.background(() -> tasks.ui(() -> {
            estimateQueued = false;
            estimates.request(null);
        }));
    }

    private void estimate() {
        long at = revision;
        Document copy = DocumentContents.copy(document);
        BackgroundTask.wrap(() -> PlanningBasis.estimate(copy, catalog, ops)).onSuccess(b -> {
            if (at == revision && measuredAt != revision) {
                useBasis(b);
            }
            estimates.done();
        }).onFailure(e -> {
            if (at == revision && measuredAt != revision) {
                basis.set(null);
                prediction.set(null);
                nodeBytes.set(List.of());
                planStates.set(Map.of());
                planNotice.set(e instanceof EstimatedProfile.NotEstimable ? e.getMessage()
                        : "Cannot estimate the model's costs: " + e.getMessage());
            }
            estimates.done();
        }).executeWith(tasks);
    }

    /** Plans on {@code b} from now on, starting with the picked policy. */
    private void useBasis(PlanningBasis b) {
        basis.set(b);
        planNotice.set("");
        replan(picked.get());
    }

    // ---- measuring ------------------------------------------------------------------------------

    /**
     * Another project was loaded: the previous project's measurement (timelines, peaks, replay) goes, and the
     * estimates of the new one take over as they come. A measurement still running is dropped when it lands.
     */
    public void projectLoaded() {
        revision++;
        loadedAt = revision;
        measuredAt = -1;
        analysis.set(null);
        policyName.set("");
        timelines.clear();
        replay.pause();
        replay.load(List.of());
        if (!busy.get()) {
            status.set("Run the analysis to measure memory");
        }
        requestEstimate();
    }

    /** Measures {@code none} and {@code policyText} on a copy of the project, off the UI thread. */
    public void analyze(String policyText) {
        CheckpointPolicy policy;
        try {
            policy = CheckpointPolicy.parse(policyText);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        if (busy.get()) {
            return;
        }
        Document copy = DocumentContents.copy(document);
        long at = revision;
        replay.pause();
        var progress = measuring.start(policy.toString());
        BackgroundTask.wrap(() -> analyzer.analyze(copy, policy, progress)).onRunning(() -> {
            busy.set(true);
            status.set("Measuring none and " + policy + "…");
        }).onSuccess(a -> {
            measured();
            if (at < loadedAt) {
                status.set("Run the analysis to measure memory");
                return;
            }
            show(a, at == revision);
        }).onFailure(e -> {
            measured();
            status.set(MeasuringViewModel.isCancellation(e) ? "Measurement cancelled: nothing new measured"
                    : "Memory analysis failed: " + e.getMessage());
        }).executeWith(tasks);
    }

    /** A measurement ended, measured, failed or cancelled. */
    private void measured() {
        busy.set(false);
        measuring.finished();
    }

    /** Shows a measurement; {@code current} when the project has not changed since it was copied. */
    private void show(MemoryAnalysis a, boolean current) {
        analysis.set(a);
        PolicyMeasurement base = a.result().baseline();
        PolicyMeasurement chosen = a.result().policy();
        policyName.set(chosen.schedule().policy().toString());
        timelines.show(a, policyName.get());
        status.set("Measured " + base.samples().size() + " and " + chosen.samples().size() + " schedule actions");
        replay.load(chosen.samples());
        if (current) {
            // The measured costs describe this very model: plan on them from now on. A measurement of an older
            // copy leaves the plan shown alone, so the policy box, bars and headline keep showing one policy.
            PlanningBasis measured = PlanningBasis.measured(a);
            nodeBytes.set(bars(measured, chosen.schedule()));
            planStates.set(PlanStates.of(measured.plan(), chosen.schedule()));
            prediction.set(PolicyPrediction.of(measured, chosen.schedule()));
            picked.set(policyName.get());
            measuredAt = revision;
            basis.set(measured);
            planNotice.set("");
        }
    }

    /** The bars for a plan, remembered so a group's bar can be expanded without planning again. */
    private List<NodeBytes> bars(PlanningBasis b, PlannedPolicy schedule) {
        barsBasis = b;
        barsSchedule = schedule;
        return NodeBars.of(document, b, schedule, expandedBar.get(), BARS);
    }

    /** Shows a group's bar as the items inside it, or folds it back when it is the one expanded. */
    public void toggleBar(String itemId) {
        if (itemId.equals(expandedBar.get())) {
            expandedBar.set(null);
        } else if (document.group(itemId).isPresent()) {
            expandedBar.set(itemId);
        } else {
            return;
        }
        if (barsBasis != null) {
            nodeBytes.set(NodeBars.of(document, barsBasis, barsSchedule, expandedBar.get(), BARS));
        }
    }

    /** The group whose bar is shown as its insides, or null. */
    public ReadOnlyStringProperty expandedBarProperty() {
        return expandedBar.getReadOnlyProperty();
    }

    // ---- re-planning ----------------------------------------------------------------------------

    /**
     * Plans {@code policyText} on the current basis (estimated or measured costs; no run) and shows its
     * prediction; remembered as the picked policy, planned again whenever the basis changes.
     */
    public void replan(String policyText) {
        plans.request(policyText);
    }

    private void plan(String policyText) {
        CheckpointPolicy policy;
        try {
            policy = CheckpointPolicy.parse(policyText);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            plans.done();
            return;
        }
        picked.set(policy.toString());
        PlanningBasis b = basis.get();
        if (b == null) {
            status.set(planNotice.get().isEmpty() ? "Nothing to plan on yet" : planNotice.get());
            plans.done();
            return;
        }
        BackgroundTask.wrap(() -> b.schedule(policy)).onSuccess(planned -> {
            prediction.set(PolicyPrediction.of(b, planned));
            nodeBytes.set(bars(b, planned));
            planStates.set(PlanStates.of(b.plan(), planned));
            status.set("Planned " + policy + (b.source() == ProfileSource.MEASURED ? " on the measured costs"
                    : " on costs estimated from shapes") + " (no run)");
            plans.done();
        }).onFailure(e -> {
            status.set("Cannot plan " + policy + ": " + e.getMessage());
            plans.done();
        }).executeWith(tasks);
    }

    /** Plans {@code budget:MB}. */
    public void replanBudget(long mebibytes) {
        replan("budget:" + Math.max(1, mebibytes));
    }

    // ---- properties ---------------------------------------------------------------------------

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MemoryAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** The measured policy, as text. */
    public ReadOnlyStringProperty policyNameProperty() {
        return policyName.getReadOnlyProperty();
    }

    /** The measurement's timeline series, peak marks and peaks in words. */
    public MeasuredTimelines timelines() {
        return timelines;
    }

    /** The largest savers' profiled bytes, in graph order, with the current plan's treatment. */
    public ReadOnlyObjectProperty<List<NodeBytes>> nodeBytesProperty() {
        return nodeBytes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PolicyPrediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** The costs policies are planned on (estimated or measured); null while there are none. */
    public ReadOnlyObjectProperty<PlanningBasis> basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** Why there is no prediction (estimating, empty model, errors); empty while there is one. */
    public ReadOnlyStringProperty planNoticeProperty() {
        return planNotice.getReadOnlyProperty();
    }

    /** The measurement in flight: phase, share done, Cancel. */
    public MeasuringViewModel measuring() {
        return measuring;
    }

    /** Whether the measurement shown is of another policy than the one picked now. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    /** The replay of the measured policy's step. */
    public ReplayViewModel replay() {
        return replay;
    }

    /** The policy planned last (picked in the view, chosen on the trade-off chart, or just measured). */
    public ReadOnlyStringProperty pickedPolicyProperty() {
        return picked.getReadOnlyProperty();
    }

    /** Canvas node state per node id under the current plan: kept, checkpoint or dropped. */
    public ReadOnlyObjectProperty<Map<String, String>> planStatesProperty() {
        return planStates.getReadOnlyProperty();
    }
}
