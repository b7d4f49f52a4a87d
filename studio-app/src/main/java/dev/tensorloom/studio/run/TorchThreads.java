package dev.tensorloom.studio.run;

/**
 * How many threads libtorch computes with in the studio: every core but one, so the JavaFX thread always
 * finds a free core while a run trains flat out (with all cores busy, its pulses waited behind the
 * training's threads). The command line keeps libtorch's default of all cores.
 */
public final class TorchThreads {
    /** DJL's PyTorch engine reads this when it loads and passes it to {@code at::set_num_threads}. */
    public static final String PROPERTY = "ai.djl.pytorch.num_threads";

    private TorchThreads() {
    }

    /** Intra-op threads for a machine with {@code cores} cores: one fewer, at least one. */
    public static int forStudio(int cores) {
        return Math.max(1, cores - 1);
    }

    /** Sets the thread count before the engine loads, unless the user chose one with {@code -D}. */
    public static void leaveOneCoreForTheWindow() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(forStudio(Runtime.getRuntime().availableProcessors())));
        }
    }
}
