package dev.tensorloom.studio.memory;

/** Where the costs a plan is made from come from: the analytic estimates, or a profiling run. */
public enum ProfileSource {
    /** From the inferred shapes and the blocks' estimators, before anything runs. */
    ESTIMATED("estimated from shapes"),
    /** From the profiling pass of a memory measurement. */
    MEASURED("measured");

    private final String words;

    ProfileSource(String words) {
        this.words = words;
    }

    /** "estimated from shapes" or "measured", for the panel. */
    public String words() {
        return words;
    }
}
