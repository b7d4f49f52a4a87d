package dev.tensorloom.execution.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** pip's failing output, as pip 23 prints it, becomes a message that names the package. */
class PipInstallTest {
    @Test
    void noMatchingWheelNamesThePackageAndPipsWords() {
        PythonSetupException e = PipInstall.failure(List.of(
                "Collecting numpy==2.4.6 (from -r req.txt (line 2))",
                "WARNING: Retrying (Retry(total=1, connect=None, read=None, redirect=None, status=None)) after "
                        + "connection broken by 'NewConnectionError(...)': /simple/torch/",
                "ERROR: Could not find a version that satisfies the requirement torch==2.13.0 (from versions: none)",
                "ERROR: No matching distribution found for torch==2.13.0"));
        assertEquals("torch", e.packageName());
        assertTrue(e.getMessage().startsWith("Could not install torch into Tensorloom's Python environment.\n"
                + "pip: ERROR: Could not find a version that satisfies the requirement torch==2.13.0"), e.getMessage());
        assertTrue(e.getMessage().endsWith(PythonSetupException.USE_EXISTING));
        assertTrue(e.getMessage().contains("TENSORLOOM_PYTHON"));
    }

    @Test
    void otherFailuresKeepPipsLastLines() {
        PythonSetupException e = PipInstall.failure(List.of("Processing x.whl", "Killed"));
        assertNull(e.packageName());
        assertTrue(e.getMessage().startsWith("pip failed to install Tensorloom's Python requirements.\n"
                + "pip: Processing x.whl\npip: Killed"), e.getMessage());
    }

    @Test
    void progressMovesForwardThroughCollectingAndInstalling() {
        List<Double> fractions = new java.util.ArrayList<>();
        PipProgress progress = new PipProgress(new SetupListener() {
            @Override
            public void onLine(String line) {
            }

            @Override
            public void onProgress(double fraction, String stage) {
                fractions.add(fraction);
            }
        }, 2, 0);
        progress.line("Processing /w/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl (from -r r.txt (line 1))");
        progress.line("Collecting numpy==2.4.6");
        progress.line("  Downloading numpy-2.4.6-cp311.whl (16.8 MB)");
        progress.line("Installing collected packages: numpy, torch");
        progress.line("Successfully installed numpy-2.4.6 torch-2.13.0+cpu");
        assertEquals(List.of(0.3, 0.55, 0.55, 0.55, 0.9), fractions.stream()
                .map(f -> Math.round(f * 100) / 100.0).toList());
    }
}
