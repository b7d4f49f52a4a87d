package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.measure.PolicyMeasurement;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The memory view's predicted peak (saved activations, planned on the profile) against the measured peak
 * (native bytes above the step's start) of the same policy, on whole templates. They count the same
 * tensors; the measurement also sees the few gradients in flight and the process's own allocations, so
 * they agree within 10% plus 2 MiB for {@code none}. A checkpoint policy's measured peak is not held to its
 * prediction yet: on both templates it reads 2.5-6 MiB above it from run to run, a batch-independent excess
 * (the activations, which scale with the batch, agree) that is still to be explained.
 */
class PredictedPeakTest {

    @ParameterizedTest
    @CsvSource({"deep-chain, 64", "transformer-reverse, 32"})
    void predictedPeakIsTheMeasuredPeakWithoutCheckpointing(String template, int batch) throws Exception {
        assumeTrue(NativeMemoryProbe.system().available(), "mallinfo2 not available on this platform");
        var project = ProjectReader.fromJson(TemplateCatalog.builtIn().projectJson(template), template + ".tlm");
        MemoryAnalysis a = new StandardMemoryAnalyzer(BlockCatalog.standard(), OptionalInt.of(batch))
                .analyze(project.document(), CheckpointPolicy.none());
        check(template + " none", a.result().baseline(), 2L << 20);
    }

    private static void check(String what, PolicyMeasurement m, long slack) {
        long predicted = m.schedule().plan().peakBytes();
        long measured = m.peakMeasuredBytes().getAsLong();
        System.out.printf("%s: predicted %.2f MiB, measured %.2f MiB, ledger %.2f MiB%n", what,
                predicted / TimelineSeries.MIB, measured / TimelineSeries.MIB, m.peakLedgerBytes() / TimelineSeries.MIB);
        assertTrue(Math.abs(measured - predicted) <= predicted / 10 + slack,
                what + ": predicted " + PolicyPrediction.mib(predicted) + ", measured " + PolicyPrediction.mib(measured));
    }
}
