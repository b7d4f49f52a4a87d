package dev.tensorloom.execution.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch implementation of one block type, read from the resource
 * {@code dev/tensorloom/export/blocks/<type>.py}: a class (or, for files starting with {@code _}, helper
 * functions and base classes) that the exporter copies into {@code model.py}. Lines starting with {@code # tensorloom-} are
 * directives for the exporter and are left out of the copy:
 * <ul>
 *   <li>{@code # tensorloom-derive: NAME = PORT[INDEX]}: the constructor argument NAME is the size of
 *       dimension INDEX (negative counts from the end) of the concrete input on PORT;</li>
 *   <li>{@code # tensorloom-uses: _helper}: the code needs the helper file {@code _helper.py} too;</li>
 *   <li>{@code # tensorloom-training-only}: the block exists only for training (it draws the inputs of the
 *       network, like {@code rectified_flow_pair}); inference takes its outputs as inputs instead.</li>
 * </ul>
 *
 * @param className the class the file defines (empty for helper files)
 * @param code the file without its directives
 */
record BlockSource(String name, String className, String code, List<Derived> derived, List<String> uses,
        boolean trainingOnly) {
    private static final Pattern CLASS = Pattern.compile("^class (\\w+)\\(", Pattern.MULTILINE);
    private static final Pattern DERIVE = Pattern.compile("(\\w+)\\s*=\\s*(\\w+)\\[(-?\\d+)]");
    private static final String DIRECTIVE = "# tensorloom-";

    /** A constructor argument taken from the concrete shape of an input. */
    record Derived(String argument, String port, int dimension) {
    }

    static BlockSource parse(String name, String text) {
        List<Derived> derived = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        boolean trainingOnly = false;
        StringBuilder code = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith(DIRECTIVE)) {
                code.append(line).append('\n');
                continue;
            }
            String directive = line.substring(DIRECTIVE.length()).trim();
            if (directive.startsWith("derive:")) {
                Matcher m = DERIVE.matcher(directive.substring("derive:".length()).trim());
                if (!m.matches()) {
                    throw new IllegalStateException(name + ".py: cannot read '" + line + "'");
                }
                derived.add(new Derived(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
            } else if (directive.startsWith("uses:")) {
                for (String u : directive.substring("uses:".length()).split(",")) {
                    uses.add(u.trim());
                }
            } else if (directive.equals("training-only")) {
                trainingOnly = true;
            } else {
                throw new IllegalStateException(name + ".py: unknown directive '" + line + "'");
            }
        }
        String body = code.toString().strip() + "\n";
        Matcher c = CLASS.matcher(body);
        String className = name.startsWith("_") ? "" : c.find() ? c.group(1) : null;
        if (className == null) {
            throw new IllegalStateException(name + ".py defines no class");
        }
        return new BlockSource(name, className, body, List.copyOf(derived), List.copyOf(uses), trainingOnly);
    }
}
