package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.ArrayList;
import java.util.List;

/** Dimension arithmetic shared by the Core shape rules (sliding windows, axes, same-shape patterns). */
final class CoreShapeMath {
    private CoreShapeMath() {
    }

    /**
     * Output length of a sliding window: floor((n + 2p - k) / s) + 1, written as floor((n + 2p - k + s) / s)
     * so that common cases stay readable when {@code n} is symbolic ({@code H} for k=3,p=1,s=1; {@code H/2}
     * for k=2,s=2).
     */
    static Dim window(Dim n, long kernel, long stride, long padding) {
        return n.plus(2 * padding - kernel + stride).div(stride);
    }

    /** A non-negative axis for {@code axis} in a tensor of {@code rank}, or -1 when out of range. */
    static int axis(long axis, int rank) {
        long a = axis < 0 ? rank + axis : axis;
        return a < 0 || a >= rank ? -1 : (int) a;
    }

    /**
     * A pattern that matches {@code t} dimension by dimension, except at {@code freeAxis} (use -1 for
     * none) where any size is accepted. Named dimensions become names so they unify with the other input.
     */
    static String sameShapePattern(TensorType t, int freeAxis) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < t.rank(); i++) {
            tokens.add(i == freeAxis ? "?" : t.dim(i).toString());
        }
        return "[" + String.join(", ", tokens) + "]";
    }

    /** The product of {@code dims}: known sizes are multiplied out, so [C, 4, 4] gives C*16. */
    static Dim product(List<Dim> dims) {
        long known = 1;
        Dim symbolic = null;
        for (Dim d : dims) {
            if (d.isFixed()) {
                known *= d.sizeOr(1);
            } else {
                symbolic = symbolic == null ? d : symbolic.times(d);
            }
        }
        return symbolic == null ? Dim.of(known) : symbolic.times(known);
    }
}
