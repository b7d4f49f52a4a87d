package dev.tensorloom.studio.main;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** The device DJL trains on by default, for the status bar; loads the engine, so call it off the FX thread. */
public final class DefaultDevice {
    private DefaultDevice() {
    }

    /** For example {@code CPU} or {@code GPU 0}. */
    public static String describe() {
        return describe(Engine.getInstance().defaultDevice());
    }

    /** "CPU" or "GPU 0" rather than DJL's {@code cpu()} / {@code gpu(0)}. */
    static String describe(Device device) {
        return device.isGpu() ? "GPU " + device.getDeviceId() : "CPU";
    }
}
