package dev.tensorloom.execution.export;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out Python identifiers that keep the original names where Python allows them: node ids become
 * attribute and variable names ({@code enc1}, {@code head}), anything else is spelled with underscores
 * ({@code fc-2} → {@code fc_2}, {@code 2nd} → {@code n_2nd}) and a clash gets a numeric suffix.
 */
final class PythonNames {
    private static final Set<String> RESERVED = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "match", "case", "self", "super", "torch", "nn", "F", "math", "checkpoint");
    /**
     * Names a node's attribute must not take on the generated module: its own methods and what
     * {@code nn.Module} defines (a node called {@code predict} would hide the method of that name).
     */
    private static final Set<String> MODULE_MEMBERS = Set.of("forward", "predict", "inverse", "log_det", "training",
            "train", "eval", "state_dict", "load_state_dict", "parameters", "named_parameters", "buffers",
            "named_buffers", "modules", "named_modules", "children", "named_children", "to", "cpu", "cuda", "float",
            "double", "half", "bfloat16", "type", "apply", "zero_grad", "register_buffer", "register_parameter",
            "register_module", "add_module", "requires_grad_", "extra_repr", "get_submodule", "get_parameter",
            "get_buffer", "share_memory", "compile");
    private final Set<String> taken = new HashSet<>();

    /** A fresh identifier as close to {@code wanted} as Python allows, never handed out before. */
    String claim(String wanted) {
        String base = identifier(wanted);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** {@code wanted} made a valid, non-reserved Python identifier (not claimed). */
    static String identifier(String wanted) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < wanted.length(); i++) {
            char c = wanted.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        String s = b.length() == 0 ? "node" : b.toString();
        if (Character.isDigit(s.charAt(0))) {
            s = "n_" + s;
        }
        boolean generatedMethod = s.startsWith("decode_boxes") || s.startsWith("_segment_") || s.equals("_run_segment");
        return RESERVED.contains(s) || MODULE_MEMBERS.contains(s) || generatedMethod ? s + "_" : s;
    }

    /** {@code deep-chain} → {@code DeepChain}: a class name for a project or block type. */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String s = b.length() == 0 ? "Model" : b.toString();
        return Character.isDigit(s.charAt(0)) ? "Model" + s : s;
    }

    /** A Python literal for a parameter value read from a project file. */
    static String literal(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "math.nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "math.inf" : "-math.inf";
            }
            String s = Double.toString(d);
            return s.contains("E") ? String.format(Locale.ROOT, "%s", s.replace("E", "e")) : s;
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (value instanceof java.util.List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                b.append(i > 0 ? ", " : "").append(literal(list.get(i)));
            }
            return b.append(']').toString();
        }
        return string(value.toString());
    }

    /** A double-quoted Python string literal. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
