package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.schedule.CheckpointSchedule;
import dev.tensorloom.execution.schedule.NodeProfile;

/**
 * What a planned policy is predicted to do on one plan, in numbers and in plain words: how many nodes
 * it stores, keeps as checkpoints or drops, the predicted peak, and the extra forward work.
 */
public record PolicyPrediction(String policy, int stored, int checkpoints, int dropped, long peakBytes,
        long baselinePeakBytes, long recomputations, double overhead, String explanation) {

    /** Predicts {@code schedule} against the {@code none} plan's peak with the profiled costs. */
    public static PolicyPrediction of(Plan plan, NodeProfile profile, CheckpointSchedule schedule,
            CheckpointSchedule none) {
        int stored = 0;
        int checkpoints = 0;
        int dropped = 0;
        long forwardNanos = 0;
        for (Step s : plan.steps()) {
            if (s.isSource()) {
                continue;
            }
            forwardNanos += profile.forwardNanos(s.index());
            switch (schedule.treatment(s.index())) {
                case STORED -> stored++;
                case CHECKPOINT -> checkpoints++;
                case DROPPED -> dropped++;
                default -> throw new IllegalStateException();
            }
        }
        long peak = schedule.plan().peakBytes();
        long basePeak = none.plan().peakBytes();
        long recomputes = schedule.plan().recomputeCount();
        double overhead = forwardNanos == 0 ? 0 : (double) schedule.plan().extraNanos() / forwardNanos;
        String words = explain(schedule.policy().toString(), stored, checkpoints, dropped, peak, basePeak, recomputes,
                overhead);
        return new PolicyPrediction(schedule.policy().toString(), stored, checkpoints, dropped, peak, basePeak,
                recomputes, overhead, words);
    }

    static String explain(String policy, int stored, int checkpoints, int dropped, long peak, long basePeak,
            long recomputes, double overhead) {
        int layers = stored + checkpoints + dropped;
        if (recomputes == 0 && dropped == 0 && checkpoints == 0) {
            return String.format("%s keeps every activation of all %d layers for the backward pass: nothing is "
                    + "recomputed, and the predicted peak of saved activations (outputs and the tensors "
                    + "autograd keeps, as profiled; gradients not counted) is %s.", policy, layers, mib(peak));
        }
        double saved = basePeak == 0 ? 0 : 1 - (double) peak / basePeak;
        return String.format("%s stores %d of %d layers in full and keeps only the outputs of %d checkpoint layers; "
                + "the other %d layers drop their activations after the forward pass and are run again in the "
                + "backward pass (%d extra layer forwards, about %.0f%% more forward time). The predicted peak of "
                + "saved activations (outputs and the tensors autograd keeps, as profiled; gradients not counted) "
                + "is %s instead of %s without checkpointing (%.0f%% less).",
                policy, stored, layers, checkpoints, dropped, recomputes, 100 * overhead, mib(peak), mib(basePeak),
                100 * saved);
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / TimelineSeries.MIB);
    }
}
