package dev.tensorloom.model.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A shape pattern such as {@code [*, T, 256]}: integers are fixed sizes, identifiers are named
 * dimensions bound on first use, and at most one {@code *} or {@code *name} stands for any number of
 * leading or inner dimensions. Bound names are shared across all patterns of one node, so
 * {@code [B, T, D]} on two inputs requires them to agree.
 */
public final class ShapePattern {
    private final List<String> tokens;
    private final int restIndex;

    private ShapePattern(List<String> tokens, int restIndex) {
        this.tokens = tokens;
        this.restIndex = restIndex;
    }

    /** Parses {@code "[B, *, 256]"}; brackets are optional. */
    public static ShapePattern parse(String text) {
        String body = text.trim();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1);
        }
        List<String> tokens = new ArrayList<>();
        int rest = -1;
        if (!body.isBlank()) {
            for (String raw : body.split(",")) {
                String t = raw.trim();
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("empty dimension in shape pattern '" + text + "'");
                }
                if (t.startsWith("*")) {
                    if (rest >= 0) {
                        throw new IllegalArgumentException("more than one '*' in shape pattern '" + text + "'");
                    }
                    rest = tokens.size();
                }
                tokens.add(t);
            }
        }
        return new ShapePattern(List.copyOf(tokens), rest);
    }

    private static boolean isNumber(String token) {
        return token.chars().allMatch(Character::isDigit);
    }

    /** Largest size a dimension may have; bigger numbers are typing mistakes, not tensors. */
    public static final long MAX_SIZE = Integer.MAX_VALUE;

    private static long parseSize(String token) {
        if (token.length() > 10 || Long.parseLong(token) > MAX_SIZE) {
            throw new IllegalArgumentException("dimension " + token + " is too large (at most " + MAX_SIZE + ")");
        }
        return Long.parseLong(token);
    }

    private static String restName(String token) {
        return token.length() == 1 ? "*" : token.substring(1);
    }

    /**
     * Matches {@code actual} against this pattern, extending the bindings. Returns {@code null} on
     * success or a short reason on mismatch (bindings may then be partly extended; callers discard them).
     */
    public String unify(TensorType actual, Map<String, Dim> names, Map<String, List<Dim>> rests) {
        List<Dim> dims = actual.dims();
        int fixedCount = restIndex < 0 ? tokens.size() : tokens.size() - 1;
        if (restIndex < 0 ? dims.size() != fixedCount : dims.size() < fixedCount) {
            return "rank " + dims.size() + " where " + (restIndex < 0 ? "" : "at least ") + fixedCount + " is expected";
        }
        int tail = restIndex < 0 ? 0 : tokens.size() - restIndex - 1;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (i == restIndex) {
                List<Dim> span = dims.subList(i, dims.size() - tail);
                String name = restName(t);
                List<Dim> bound = rests.get(name);
                if (bound == null) {
                    rests.put(name, List.copyOf(span));
                } else if (bound.size() != span.size()) {
                    return "leading dimensions differ";
                }
                continue;
            }
            Dim got = i < restIndex || restIndex < 0 ? dims.get(i) : dims.get(dims.size() - (tokens.size() - i));
            String reason = unifyOne(t, got, names);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static String unifyOne(String token, Dim got, Map<String, Dim> names) {
        if (isNumber(token)) {
            long want = parseSize(token);
            if (got instanceof Dim.Fixed f && f.size() != want) {
                return "size " + f.size() + " where " + want + " is expected";
            }
            return null;
        }
        Dim bound = names.get(token);
        if (bound == null) {
            names.put(token, got);
        } else if (bound instanceof Dim.Fixed a && got instanceof Dim.Fixed b) {
            if (a.size() != b.size()) {
                return token + " is " + a.size() + " here but " + b.size() + " there";
            }
        } else if (got instanceof Dim.Fixed) {
            names.put(token, got);
        }
        return null;
    }

    /** The pattern with bound names replaced, for messages and outputs; unbound names stay as written. */
    public TensorType instantiate(DType dtype, Map<String, Dim> names, Map<String, List<Dim>> rests) {
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (i == restIndex) {
                List<Dim> bound = rests.get(restName(t));
                if (bound != null) {
                    out.addAll(bound);
                } else {
                    out.add(Dim.sym(t));
                }
            } else if (isNumber(t)) {
                out.add(Dim.of(parseSize(t)));
            } else {
                out.add(names.getOrDefault(t, Dim.sym(t)));
            }
        }
        return new TensorType(dtype, out);
    }

    @Override
    public String toString() {
        return "[" + String.join(", ", tokens) + "]";
    }
}
