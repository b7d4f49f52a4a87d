package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * What a planned policy is predicted to do on one model, in numbers and in plain words: which nodes it
 * stores, keeps as checkpoints or drops, the predicted peak, the extra forward work, and where the costs
 * it was planned on come from.
 *
 * @param headline    one line: policy, source of the numbers, predicted peak and recompute overhead
 * @param explanation what the policy keeps, what it recomputes and what that costs, naming this model's nodes
 */
public record PolicyPrediction(String policy, ProfileSource source, int batchSize, int stored, int checkpoints,
        int dropped, long peakBytes, long baselinePeakBytes, long recomputations, double overhead, String headline,
        String explanation) {

    /** Names listed before "and N more". */
    static final int NAMES = 4;

    /** Predicts {@code schedule} against the basis' {@code none} schedule with the basis' costs. */
    public static PolicyPrediction of(PlanningBasis basis, PlannedPolicy schedule) {
        List<String> stored = new ArrayList<>();
        List<String> checkpoints = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        long forwardNanos = 0;
        for (Step s : basis.plan().steps()) {
            if (s.isSource()) {
                continue;
            }
            forwardNanos += basis.profile().forwardNanos(s.index());
            switch (schedule.treatment(s.index())) {
                case STORED -> stored.add(s.nodeId());
                case CHECKPOINT -> checkpoints.add(s.nodeId());
                case DROPPED -> dropped.add(s.nodeId());
                default -> throw new IllegalStateException();
            }
        }
        long peak = schedule.plan().peakBytes();
        long basePeak = basis.none().plan().peakBytes();
        long recomputes = schedule.plan().recomputeCount();
        double overhead = forwardNanos == 0 ? 0 : (double) schedule.plan().extraNanos() / forwardNanos;
        String policy = schedule.policy().toString();
        String headline = headline(policy, basis, peak, basePeak, overhead, schedule.plan().extraNanos());
        String words = explain(policy, basis.source(), stored, checkpoints, dropped, peak, basePeak, recomputes,
                overhead) + (basis.exact() ? "" : " Some dimensions are not known before a run and were counted "
                        + "as 1, so the bytes are a lower bound.");
        return new PolicyPrediction(policy, basis.source(), basis.batchSize(), stored.size(), checkpoints.size(),
                dropped.size(), peak, basePeak, recomputes, overhead, headline, words);
    }

    static String headline(String policy, PlanningBasis basis, long peak, long basePeak, double overhead,
            long extraNanos) {
        boolean estimated = basis.source() == ProfileSource.ESTIMATED;
        String time = estimated ? "+%.0f%% forward time (estimated from FLOPs)".formatted(100 * overhead)
                : "+%.0f%% forward time, %.1f ms per step".formatted(100 * overhead, extraNanos / 1e6);
        return String.format("Plan for %s%s, %s (batch %d%s): predicted peak %s (none %s), recompute overhead %s.",
                policy, budgetWords(policy), estimated ? "estimated from shapes" : "on the measured costs",
                basis.batchSize(), estimated ? ", nothing run yet" : "", mib(peak), mib(basePeak), time);
    }

    /** What a budget policy optimises, since the name suggests it minimises memory (it does not). */
    static String budgetWords(String policy) {
        return policy.startsWith("budget:") ? " (the least recomputation time whose predicted peak fits "
                + policy.substring("budget:".length()) + " MiB)" : "";
    }

    static String explain(String policy, ProfileSource source, List<String> stored, List<String> checkpoints,
            List<String> dropped, long peak, long basePeak, long recomputes, double overhead) {
        int layers = stored.size() + checkpoints.size() + dropped.size();
        String counted = source == ProfileSource.ESTIMATED
                ? "node outputs and the internals each block's estimate counts, from the inferred shapes; "
                        + "gradients not counted"
                : "outputs and the tensors autograd keeps, as profiled; gradients not counted";
        if (recomputes == 0 && dropped.isEmpty() && checkpoints.isEmpty()) {
            return String.format("%s keeps every activation of all %d layers (%s) for the backward pass: nothing is "
                    + "recomputed, and the predicted peak of saved activations (%s) is %s.", policy, layers,
                    names(stored), counted, mib(peak));
        }
        double saved = basePeak == 0 ? 0 : 1 - (double) peak / basePeak;
        return String.format("%s stores %d of %s in full (%s) and keeps only the outputs of %s (%s); the other %s "
                + "(%s) %s %s activations after the forward pass and %s run again in the backward pass (%s, about "
                + "%.0f%% more forward time%s). The predicted peak of saved activations (%s) is %s instead of %s "
                + "without checkpointing (%.0f%% less).",
                policy, stored.size(), count(layers, "layer"), names(stored),
                count(checkpoints.size(), "checkpoint layer"), names(checkpoints), count(dropped.size(), "layer"),
                names(dropped), dropped.size() == 1 ? "drops" : "drop", dropped.size() == 1 ? "its" : "their",
                dropped.size() == 1 ? "is" : "are",
                count(recomputes, "extra layer forward"), 100 * overhead,
                source == ProfileSource.ESTIMATED ? ", judged by FLOPs" : "", counted, mib(peak), mib(basePeak),
                100 * saved);
    }

    /** "1 layer", "3 layers". */
    static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }

    /** "a, b, c, d and 5 more"; "none" when empty. */
    static String names(List<String> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", ids.subList(0, Math.min(NAMES, ids.size())));
        return ids.size() > NAMES ? shown + " and " + (ids.size() - NAMES) + " more" : shown;
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / TimelineSeries.MIB);
    }
}
