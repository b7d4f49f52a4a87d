package dev.tensorloom.studio.inspector;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.util.StringConverter;

/**
 * Shows a size field's 0 as its hint ("0 = inferred") and reads back the number a user types; text that
 * starts with no number (the hint edited away) keeps the current value.
 */
final class ZeroHintConverter extends StringConverter<Integer> {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?\\d+)");

    private final String hint;
    private final Supplier<Integer> current;

    ZeroHintConverter(String hint, Supplier<Integer> current) {
        this.hint = hint;
        this.current = current;
    }

    @Override
    public String toString(Integer value) {
        if (value == null) {
            return "";
        }
        return value == 0 ? hint : value.toString();
    }

    @Override
    public Integer fromString(String text) {
        Matcher m = LEADING_NUMBER.matcher(text == null ? "" : text);
        if (!m.find()) {
            return current.get();
        }
        try {
            return Integer.valueOf(m.group(1));
        } catch (NumberFormatException e) {
            return current.get();
        }
    }
}
