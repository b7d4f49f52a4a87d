package dev.tensorloom.studio.main;

import ai.djl.engine.Engine;
import java.util.Locale;

/** The device DJL trains on by default, for the status bar; loads the engine, so call it off the FX thread. */
public final class DefaultDevice {
    private DefaultDevice() {
    }

    /** For example {@code CPU()} or {@code GPU(0)}. */
    public static String describe() {
        return Engine.getInstance().defaultDevice().toString().toUpperCase(Locale.ROOT);
    }
}
