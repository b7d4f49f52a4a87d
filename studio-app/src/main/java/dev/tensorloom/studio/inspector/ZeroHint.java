package dev.tensorloom.studio.inspector;

import dev.tensorloom.model.catalog.ParamSpec;
import dev.tensorloom.model.catalog.ParamType;

/**
 * What a size parameter's 0 stands for, in a few words for the field itself ("0 = inferred"), read from the
 * catalog's help text: a bare 0 in a size field otherwise looks like a mistake.
 */
final class ZeroHint {
    static final String INFERRED = "0 = inferred";
    /** How the catalog's help says that 0 takes the size from the input. */
    private static final String FROM_INPUT = "0 takes them from the input";

    private ZeroHint() {
    }

    /** The hint for {@code spec}, or empty when 0 is an ordinary value of it. */
    static String of(ParamSpec spec) {
        if (spec.type() != ParamType.INT || spec.min() == null || spec.min() != 0) {
            return "";
        }
        String help = spec.help() == null ? "" : spec.help();
        if (help.contains(FROM_INPUT)) {
            return INFERRED;
        }
        int at = help.indexOf("0 = ");
        return at < 0 ? "" : help.substring(at).replaceAll("[.;,]\\s*$", "");
    }
}
