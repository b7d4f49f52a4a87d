package dev.tensorloom.execution.checkpoint;

import java.util.Locale;
import java.util.Objects;

/**
 * How much of the forward pass to keep for backward, parsed from the command-line form
 * {@code none}, {@code every-k:K}, {@code sqrt}, {@code revolve:S} or {@code budget:MB}.
 *
 * <p>{@code budget:MB} is in mebibytes (1 MB here = 1,048,576 bytes), because the memory view
 * and the native probe both report binary units.
 *
 * @param kind which policy
 * @param argument K for every-k, S (slots, the input counting as one) for revolve, MiB for
 *     budget, 0 otherwise
 */
public record CheckpointPolicy(Kind kind, long argument) {

    /** The policy families. */
    public enum Kind { NONE, EVERY_K, SQRT, REVOLVE, BUDGET }

    /** Bytes in one budget unit (MiB). */
    public static final long BYTES_PER_MB = 1L << 20;

    private static final String USAGE = "use none, every-k:K, sqrt, revolve:S or budget:MB";
    /**
     * The policies in words, for help texts and tooltips: what each one optimises. {@code budget:MB} does not
     * minimise memory; it minimises recomputation time among the plans whose predicted peak fits the budget.
     */
    public static final String HELP = "none, every-k:K, sqrt, revolve:S (optimal binomial schedule with S slots) or "
            + "budget:MB (of the plans whose predicted peak of saved activations fits MB MiB, the one with the "
            + "least recomputation time)";

    public CheckpointPolicy {
        Objects.requireNonNull(kind, "kind");
        boolean needsArgument = kind == Kind.EVERY_K || kind == Kind.REVOLVE || kind == Kind.BUDGET;
        if (needsArgument && argument < 1) {
            throw new IllegalArgumentException(kind + " needs a positive argument, got " + argument);
        }
        if (!needsArgument && argument != 0) {
            throw new IllegalArgumentException(kind + " takes no argument, got " + argument);
        }
        if (kind == Kind.BUDGET && argument > Long.MAX_VALUE / BYTES_PER_MB) {
            throw new IllegalArgumentException("budget too large: " + argument + " MB");
        }
    }

    public static CheckpointPolicy none() {
        return new CheckpointPolicy(Kind.NONE, 0);
    }

    public static CheckpointPolicy everyK(int k) {
        return new CheckpointPolicy(Kind.EVERY_K, k);
    }

    public static CheckpointPolicy sqrt() {
        return new CheckpointPolicy(Kind.SQRT, 0);
    }

    public static CheckpointPolicy revolve(int slots) {
        return new CheckpointPolicy(Kind.REVOLVE, slots);
    }

    public static CheckpointPolicy budgetMb(long mebibytes) {
        return new CheckpointPolicy(Kind.BUDGET, mebibytes);
    }

    /** The byte budget of a {@code budget:MB} policy. */
    public long budgetBytes() {
        if (kind != Kind.BUDGET) {
            throw new IllegalStateException("not a budget policy: " + this);
        }
        return argument * BYTES_PER_MB;
    }

    /**
     * Parses the command-line form; throws {@link IllegalArgumentException} with a one-line
     * message naming the bad text and the accepted forms.
     */
    public static CheckpointPolicy parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing checkpoint policy: " + USAGE);
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String arg = colon < 0 ? null : trimmed.substring(colon + 1);
        switch (name) {
            case "none":
            case "sqrt":
                if (arg != null) {
                    throw bad(text, "'" + name + "' takes no argument");
                }
                return name.equals("none") ? none() : sqrt();
            case "every-k":
                return new CheckpointPolicy(Kind.EVERY_K, positive(text, arg, "K", Integer.MAX_VALUE));
            case "revolve":
                return new CheckpointPolicy(Kind.REVOLVE, positive(text, arg, "S", Integer.MAX_VALUE));
            case "budget":
                return new CheckpointPolicy(Kind.BUDGET,
                        positive(text, arg, "MB", Long.MAX_VALUE / BYTES_PER_MB));
            default:
                throw new IllegalArgumentException("unknown checkpoint policy '" + text + "': " + USAGE);
        }
    }

    private static long positive(String text, String arg, String what, long max) {
        if (arg == null || arg.isEmpty()) {
            throw bad(text, what + " is missing");
        }
        long value;
        try {
            value = Long.parseLong(arg);
        } catch (NumberFormatException e) {
            throw bad(text, what + " must be a whole number");
        }
        if (value < 1 || value > max) {
            throw bad(text, what + " must be between 1 and " + max);
        }
        return value;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad checkpoint policy '" + text + "': " + why + "; " + USAGE);
    }

    /** The command-line form; {@code parse(toString())} gives back an equal policy. */
    @Override
    public String toString() {
        switch (kind) {
            case NONE: return "none";
            case SQRT: return "sqrt";
            case EVERY_K: return "every-k:" + argument;
            case REVOLVE: return "revolve:" + argument;
            default: return "budget:" + argument;
        }
    }
}
