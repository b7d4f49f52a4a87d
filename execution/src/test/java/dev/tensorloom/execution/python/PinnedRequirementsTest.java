package dev.tensorloom.execution.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PinnedRequirementsTest {
    @Test
    void theBundledFilePinsEveryKeyPackageExactly() {
        PinnedRequirements bundled = PinnedRequirements.bundled();
        for (String key : PinnedRequirements.KEY_PACKAGES) {
            assertFalse(bundled.pin(key).version().isBlank(), key);
        }
        assertEquals("2.13.0", bundled.pin("torch").version());
        assertEquals("1.0.0", bundled.pin("ONNX_IR").version(), "names compare as pip compares them");
        assertTrue(bundled.text().contains("ONE requirements file"));
    }

    @Test
    void aPinAcceptsLocalBuildsOfItsReleaseOnly() {
        PinnedRequirements.Pin torch = new PinnedRequirements.Pin("torch", "2.13.0");
        assertTrue(torch.acceptsInstalled("2.13.0"));
        assertTrue(torch.acceptsInstalled("2.13.0+cpu"));
        assertTrue(torch.acceptsInstalled("2.13.0+cu128"));
        assertFalse(torch.acceptsInstalled("2.13.01"));
        assertFalse(torch.acceptsInstalled("2.12.0"));
        assertFalse(torch.acceptsInstalled(null));
    }

    @Test
    void parsesCommentsAndBlankLinesAndRefusesOtherSpecifiers() {
        PinnedRequirements r = PinnedRequirements.parse("# head\n\nnumpy==2.4.6  # why\nJinja2 == 3.1.6\n");
        assertEquals(List.of(new PinnedRequirements.Pin("numpy", "2.4.6"), new PinnedRequirements.Pin("Jinja2", "3.1.6")),
                r.pins());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PinnedRequirements.parse("numpy==2.4.6\ntorch>=2\n"));
        assertEquals("requirements.txt:2: expected name==version, got 'torch>=2'", e.getMessage());
    }
}
