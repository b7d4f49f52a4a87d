package dev.tensorloom.studio.ui;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;

/**
 * What each checkpoint policy does, for the studio's policy boxes. The command line's help writes the budget
 * {@code budget:MB}; the studio's views write MiB throughout, which is what the number counts.
 */
public final class PolicyHelp {
    public static final String TOOLTIP = "Checkpoint policies: "
            + CheckpointPolicy.HELP.replace("budget:MB", "budget:N").replace("fits MB MiB", "fits N MiB") + ".";

    private PolicyHelp() {
    }
}
