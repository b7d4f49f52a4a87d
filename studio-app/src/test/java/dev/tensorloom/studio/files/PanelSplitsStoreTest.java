package dev.tensorloom.studio.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel splits survive a restart through {@code panels.json}; a missing, corrupt or nonsensical file gives
 * the default splits (each nonsense value falls back on its own), and nothing is thrown.
 */
class PanelSplitsStoreTest {
    @TempDir
    Path home;

    private PanelSplitsStore store() {
        return new PanelSplitsStore(new StudioHome(home).panelSplits());
    }

    @Test
    void savedSplitsComeBackAfterARestart() {
        PanelSplits moved = new PanelSplits(0.22, 0.7, 0.4);
        store().save(moved);
        assertEquals(moved, store().load(), "a fresh store, as after a restart, reads what was saved");
        assertTrue(Files.isRegularFile(home.resolve("panels.json")));
        try (var listing = Files.list(home)) {
            assertEquals(1, listing.count(), "no temporary file is left beside it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void nothingSavedYetGivesTheDefault() {
        assertEquals(PanelSplits.DEFAULT, store().load());
    }

    @Test
    void aCorruptFileGivesTheDefaultWithoutThrowing() throws Exception {
        Files.writeString(home.resolve("panels.json"), "{\"palette\": 0.2, \"inspec");
        assertEquals(PanelSplits.DEFAULT, store().load());
        Files.writeString(home.resolve("panels.json"), "[1, 2, 3]");
        assertEquals(PanelSplits.DEFAULT, store().load());
        Files.writeString(home.resolve("panels.json"), "{\"palette\": \"wide\", \"inspector\": 0.7, \"runArea\": 0.5}");
        assertEquals(PanelSplits.DEFAULT, store().load());
    }

    @Test
    void nonsenseValuesFallBackToTheDefaults() throws Exception {
        Files.writeString(home.resolve("panels.json"), "{\"palette\": 0.8, \"inspector\": 0.3, \"runArea\": 0.45}");
        assertEquals(new PanelSplits(0.18, 0.76, 0.45), store().load(),
                "palette right of the inspector: both sides go back, the run area stays");
        Files.writeString(home.resolve("panels.json"), "{\"palette\": 0.2, \"inspector\": 0.7, \"runArea\": 1.5}");
        assertEquals(new PanelSplits(0.2, 0.7, 0.55), store().load(), "a run area below the window");
        Files.writeString(home.resolve("panels.json"), "{\"palette\": -0.1, \"inspector\": 0.7, \"runArea\": 0}");
        assertEquals(PanelSplits.DEFAULT, store().load());
        assertEquals(PanelSplits.DEFAULT, PanelSplits.restore(new PanelSplits(Double.NaN, 0.5, Double.NaN)));
        assertEquals(PanelSplits.DEFAULT, PanelSplits.restore(new PanelSplits(0.5, 0.5, 0.55)), "no room for the canvas");
        assertEquals(PanelSplits.DEFAULT, PanelSplits.restore(null));
    }

    @Test
    void theWindowPlacementStillRoundTripsBesideIt() {
        WindowPlacementStore placements = new WindowPlacementStore(new StudioHome(home).windowPlacement());
        WindowPlacement p = new WindowPlacement(10, 20, 1200, 800, false);
        placements.save(p);
        store().save(PanelSplits.DEFAULT);
        assertEquals(p, new WindowPlacementStore(new StudioHome(home).windowPlacement()).load());
        assertEquals(PanelSplits.DEFAULT, store().load());
    }
}
