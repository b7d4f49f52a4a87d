package dev.tensorloom.model.shape;

import java.util.Objects;

/**
 * One dimension of a symbolic shape: a known size ({@code 256}) or a named unknown ({@code B},
 * {@code T}, or a derived expression such as {@code H/2}). Named dimensions flow along wires so a
 * whole graph can be checked before a batch size or sequence length is chosen.
 */
public sealed interface Dim {

    /** A dimension of known size. */
    record Fixed(long size) implements Dim {
        @Override
        public String toString() {
            return Long.toString(size);
        }
    }

    /** A dimension known only by name (or by an expression over names). */
    record Sym(String name) implements Dim {
        public Sym {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Dim of(long size) {
        return new Fixed(size);
    }

    static Dim sym(String name) {
        return new Sym(name);
    }

    default boolean isFixed() {
        return this instanceof Fixed;
    }

    /** The size, or {@code fallback} for a named dimension. */
    default long sizeOr(long fallback) {
        return this instanceof Fixed f ? f.size() : fallback;
    }

    /** {@code this * k}; stays symbolic when the size is unknown. */
    default Dim times(long k) {
        if (this instanceof Fixed f) {
            return new Fixed(f.size() * k);
        }
        return k == 1 ? this : new Sym(wrap(toString()) + "*" + k);
    }

    /** {@code this / k} rounded down; stays symbolic when the size is unknown. */
    default Dim div(long k) {
        if (this instanceof Fixed f) {
            return new Fixed(Math.floorDiv(f.size(), k));
        }
        return k == 1 ? this : new Sym(wrap(toString()) + "/" + k);
    }

    /** {@code this + k}; stays symbolic when the size is unknown. */
    default Dim plus(long k) {
        if (this instanceof Fixed f) {
            return new Fixed(f.size() + k);
        }
        if (k == 0) {
            return this;
        }
        return new Sym(toString() + (k > 0 ? "+" + k : "-" + (-k)));
    }

    /** {@code this + other}; symbolic unless both are known. */
    default Dim plus(Dim other) {
        if (this instanceof Fixed a && other instanceof Fixed b) {
            return new Fixed(a.size() + b.size());
        }
        return new Sym(this + "+" + other);
    }

    /** {@code this * other}; symbolic unless both are known. */
    default Dim times(Dim other) {
        if (this instanceof Fixed a && other instanceof Fixed b) {
            return new Fixed(a.size() * b.size());
        }
        return new Sym(wrap(toString()) + "*" + wrap(other.toString()));
    }

    private static String wrap(String s) {
        return s.matches("[A-Za-z0-9_']+") ? s : "(" + s + ")";
    }
}
