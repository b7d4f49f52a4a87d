package dev.tensorloom.studio.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {
    private static final WindowPlacement.Area LAPTOP = new WindowPlacement.Area(0, 0, 1600, 1000);
    private static final WindowPlacement.Area RIGHT_MONITOR = new WindowPlacement.Area(1600, 0, 2560, 1400);

    @Test
    void firstStartFillsMostOfTheScreenCentred() {
        assertEquals(new WindowPlacement(80, 50, 1440, 900, false), WindowPlacement.firstStart(LAPTOP));
    }

    @Test
    void aSmallScreenGetsTheMinimumSizeButNeverMoreThanItHas() {
        WindowPlacement p = WindowPlacement.firstStart(new WindowPlacement.Area(0, 0, 960, 560));
        assertEquals(WindowPlacement.MIN_WIDTH, p.width());
        assertEquals(560, p.height());
        assertEquals(30, p.x());
        assertEquals(0, p.y());
    }

    @Test
    void aRememberedPlaceOnAScreenThatStillExistsIsReused() {
        WindowPlacement left = new WindowPlacement(1700, 40, 2000, 1200, true);
        assertEquals(left, WindowPlacement.restore(left, List.of(LAPTOP, RIGHT_MONITOR), LAPTOP));
    }

    @Test
    void aPlaceOnAMonitorThatWentAwayFallsBackToAFirstStart() {
        WindowPlacement onRightMonitor = new WindowPlacement(1700, 40, 2000, 1200, false);
        assertEquals(WindowPlacement.firstStart(LAPTOP), WindowPlacement.restore(onRightMonitor, List.of(LAPTOP), LAPTOP));
    }

    @Test
    void aTitleBarAboveTheScreenIsNotReused() {
        WindowPlacement titleOffScreen = new WindowPlacement(100, -300, 1200, 900, false);
        assertEquals(WindowPlacement.firstStart(LAPTOP), WindowPlacement.restore(titleOffScreen, List.of(LAPTOP), LAPTOP));
    }

    @Test
    void aRememberedSizeIsClippedToTheScreenAndToTheMinimum() {
        WindowPlacement huge = new WindowPlacement(10, 10, 5000, 300, false);
        assertEquals(new WindowPlacement(10, 10, 1600, WindowPlacement.MIN_HEIGHT, false),
                WindowPlacement.restore(huge, List.of(LAPTOP), LAPTOP));
    }

    @Test
    void storedPlacementReadsBackAndABrokenFileIsIgnored(@TempDir Path home) throws Exception {
        WindowPlacementStore store = new WindowPlacementStore(home.resolve("sub/window.json"));
        assertNull(store.load());
        WindowPlacement p = new WindowPlacement(12.5, 30, 1400, 880, true);
        store.save(p);
        assertEquals(p, store.load());
        assertEquals(List.of("window.json"), Files.list(home.resolve("sub")).map(f -> f.getFileName().toString()).toList());
        Files.writeString(home.resolve("sub/window.json"), "{\"x\": 1, \"width\": ");
        assertNull(store.load());
    }
}
