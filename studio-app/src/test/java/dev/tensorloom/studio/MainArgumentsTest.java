package dev.tensorloom.studio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code tensorloom model.tlm} opens the studio on the file; everything else stays the command line. */
class MainArgumentsTest {
    @Test
    void oneProjectFileOpensTheStudio() {
        assertTrue(Main.opensProject(new String[] {"model.tlm"}));
        assertTrue(Main.opensProject(new String[] {"/home/me/models/deep chain.tlm"}));
    }

    @Test
    void commandsAndOptionsAreTheCommandLine() {
        assertFalse(Main.opensProject(new String[] {"validate", "model.tlm"}));
        assertFalse(Main.opensProject(new String[] {"train"}));
        assertFalse(Main.opensProject(new String[] {"--help"}));
        assertFalse(Main.opensProject(new String[] {"-x.tlm"}));
        assertFalse(Main.opensProject(new String[] {"model.json"}));
    }
}
