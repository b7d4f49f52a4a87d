package dev.tensorloom.studio.shell;

import dev.tensorloom.studio.files.PanelSplits;
import dev.tensorloom.studio.files.PanelSplitsStore;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.files.WindowPlacement;
import dev.tensorloom.studio.files.WindowPlacementStore;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * What the window needs before it shows (its remembered placement and panel splits), read on a thread of its own
 * while JavaFX starts its toolkit. Reading them set up logging (its XML configuration) and loaded the JSON
 * library, about half a second on a two-core machine that the window waited for before it could show; done beside
 * the toolkit's start, it costs the window nothing.
 */
final class StartupSettings {
    private static CompletableFuture<StartupSettings> reading;

    final WindowPlacementStore placements;
    final PanelSplitsStore panelSplits;
    final WindowPlacement placement;
    final PanelSplits splits;

    private StartupSettings(WindowPlacementStore placements, PanelSplitsStore panelSplits) {
        this.placements = placements;
        this.panelSplits = panelSplits;
        this.placement = placements.load();
        this.splits = panelSplits.load();
    }

    /** Starts reading, once; call before the toolkit starts. */
    static synchronized void begin() {
        if (reading == null) {
            reading = CompletableFuture.supplyAsync(StartupSettings::read, runnable -> {
                Thread t = new Thread(runnable, "studio-settings");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    /** The settings, read now if {@link #begin} was not called (a studio started by a test). */
    static StartupSettings await() {
        begin();
        return reading.join();
    }

    private static StartupSettings read() {
        LoggerFactory.getILoggerFactory();
        StudioHome home = StudioHome.current();
        return new StartupSettings(new WindowPlacementStore(home.windowPlacement()),
                new PanelSplitsStore(home.panelSplits()));
    }
}
