package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TorchThreadsTest {
    @Test
    void leavesOneCoreButNeverGoesBelowOneThread() {
        assertEquals(1, TorchThreads.forStudio(1));
        assertEquals(1, TorchThreads.forStudio(2));
        assertEquals(3, TorchThreads.forStudio(4));
        assertEquals(15, TorchThreads.forStudio(16));
    }

    @Test
    void keepsAThreadCountTheUserChose() {
        String before = System.getProperty(TorchThreads.PROPERTY);
        try {
            System.setProperty(TorchThreads.PROPERTY, "5");
            TorchThreads.leaveOneCoreForTheWindow();
            assertEquals("5", System.getProperty(TorchThreads.PROPERTY));
            System.clearProperty(TorchThreads.PROPERTY);
            TorchThreads.leaveOneCoreForTheWindow();
            assertEquals(Integer.toString(TorchThreads.forStudio(Runtime.getRuntime().availableProcessors())),
                    System.getProperty(TorchThreads.PROPERTY));
        } finally {
            if (before == null) {
                System.clearProperty(TorchThreads.PROPERTY);
            } else {
                System.setProperty(TorchThreads.PROPERTY, before);
            }
        }
    }
}
