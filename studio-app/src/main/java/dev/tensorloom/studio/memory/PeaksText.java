package dev.tensorloom.studio.memory;

/** The measured peaks of a memory analysis in plain words: what was measured, how, and the ratios. */
final class PeaksText {
    private PeaksText() {
    }

    static String of(MemoryAnalysis a, String policyName) {
        var base = a.result().baseline();
        var chosen = a.result().policy();
        return String.format("Measured peak on the CPU (glibc mallinfo2 native heap above the step's start: "
                + "activations, the tensors autograd saved, gradients in flight; read between schedule actions, so a "
                + "lower bound: a node's own temporaries can peak higher): %s.  Ledger peak (exact: only the node "
                + "outputs the executor holds, shape × dtype): none %s, %s %s (×%.2f).  Step time (wall clock) ×%.2f."
                + "  Batch %d.",
                measuredText(a, policyName), PolicyPrediction.mib(base.peakLedgerBytes()), policyName,
                PolicyPrediction.mib(chosen.peakLedgerBytes()), a.result().ledgerRatio(), a.result().timeRatio(),
                a.batchSize());
    }

    private static String measuredText(MemoryAnalysis a, String policyName) {
        var base = a.result().baseline().peakMeasuredBytes();
        var chosen = a.result().policy().peakMeasuredBytes();
        if (base.isEmpty() || chosen.isEmpty()) {
            return "not measured here (no glibc mallinfo2), so only the ledger below is shown";
        }
        return String.format("none %s, %s %s", PolicyPrediction.mib(base.getAsLong()), policyName,
                PolicyPrediction.mib(chosen.getAsLong()));
    }
}
