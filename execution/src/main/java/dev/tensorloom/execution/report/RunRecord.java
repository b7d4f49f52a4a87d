package dev.tensorloom.execution.report;

import dev.tensorloom.execution.session.Divergence;
import dev.tensorloom.execution.session.DoubleList;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.RunSummary;
import dev.tensorloom.execution.session.StepMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run reported that its metrics file holds: the loss and learning-rate curves, the held-out
 * evaluations, throughput, a divergence, and how it ended. Filled on the training thread, read by whoever
 * writes the file (at the end, at a periodic checkpoint, or after an interruption); a resumed run starts
 * from the record of the run it continues, so its file holds the whole curve.
 */
public final class RunRecord implements RunListener {
    private final DoubleList losses;
    private final DoubleList learningRates;
    private final List<EvalMetrics> evaluations = new ArrayList<>();
    private final long resumedFrom;
    private double throughputSum;
    private long throughputCount;
    private Divergence divergence;
    private RunFailure failure;
    private RunSummary summary;

    /** A record of a new run. */
    public RunRecord() {
        this(RunHistory.EMPTY);
    }

    /** A record that continues {@code history} (a resumed run). */
    public RunRecord(RunHistory history) {
        losses = new DoubleList(history.losses());
        learningRates = new DoubleList(history.learningRates());
        evaluations.addAll(history.evaluations());
        throughputSum = history.throughputSum();
        throughputCount = history.throughputCount();
        divergence = history.divergence();
        resumedFrom = history.losses().size();
    }

    @Override
    public synchronized void onStep(StepMetrics m) {
        losses.add(m.loss());
        learningRates.add(m.learningRate());
        // The first step of a process pays for warm-up and initialisation; it would drag the mean down.
        if (m.step() > resumedFrom + 1) {
            throughputSum += m.examplesPerSecond();
            throughputCount++;
        }
    }

    @Override
    public synchronized void onEvaluation(EvalMetrics m) {
        evaluations.add(m);
    }

    @Override
    public synchronized void onDivergence(Divergence d) {
        divergence = d;
    }

    @Override
    public synchronized void onFailed(RunFailure f) {
        failure = f;
    }

    @Override
    public synchronized void onFinished(RunSummary s) {
        summary = s;
    }

    /** The curves and evaluations so far, as a resumed run needs them. */
    public synchronized RunHistory history() {
        return new RunHistory(losses, learningRates, evaluations, throughputSum, throughputCount, divergence);
    }

    /** Steps finished, counting those of the run this one resumed. */
    public synchronized long steps() {
        return losses.size();
    }

    /** How many steps came from the run this record continues (0 for a new run). */
    public long resumedFrom() {
        return resumedFrom;
    }

    public synchronized double meanExamplesPerSecond() {
        return throughputCount == 0 ? 0 : throughputSum / throughputCount;
    }

    public synchronized Divergence divergence() {
        return divergence;
    }

    /** Why the run failed, or null. */
    public synchronized RunFailure failure() {
        return failure;
    }

    /** The session's summary once it finished or stopped, else null. */
    public synchronized RunSummary summary() {
        return summary;
    }

    /** The last held-out evaluation, or null before the first. */
    public synchronized EvalMetrics lastEvaluation() {
        return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
    }

    /** The loss of the last finished step, or NaN before the first. */
    public synchronized double lastLoss() {
        return losses.isEmpty() ? Double.NaN : losses.getDouble(losses.size() - 1);
    }
}
