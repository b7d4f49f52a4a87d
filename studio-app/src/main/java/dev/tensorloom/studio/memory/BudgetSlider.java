package dev.tensorloom.studio.memory;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the MiB of a {@code budget:N} policy text, for the budget slider to stand where the policy box says. */
final class BudgetSlider {
    private static final Pattern BUDGET = Pattern.compile("budget:(\\d+)");

    private BudgetSlider() {
    }

    /** The budget of {@code policy} in MiB, or empty when it is not a budget policy. */
    static OptionalDouble budgetOf(String policy) {
        Matcher m = BUDGET.matcher(policy == null ? "" : policy.trim());
        return m.matches() ? OptionalDouble.of(Long.parseLong(m.group(1))) : OptionalDouble.empty();
    }
}
