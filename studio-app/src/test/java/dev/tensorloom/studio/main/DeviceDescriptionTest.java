package dev.tensorloom.studio.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** The status bar names devices the way people say them, not DJL's {@code cpu()}. */
class DeviceDescriptionTest {
    @Test
    void namesCpuAndNumberedGpus() {
        assertEquals("CPU", DefaultDevice.describe(Device.cpu()));
        assertEquals("GPU 1", DefaultDevice.describe(Device.gpu(1)));
    }
}
