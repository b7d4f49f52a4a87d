package dev.tensorloom.execution.session.view;

import dev.tensorloom.execution.session.Preview;
import java.util.List;

/**
 * Attention weights of every head for one example of the batch, each [T_query, T_key] previewed.
 *
 * @param name    the published view, such as {@code attention} or {@code cross_attention}
 * @param shape   the full weights' shape, [B, heads, T, T]
 * @param example which example of the batch the heads belong to
 * @param heads   one preview per head, in head order
 */
public record AttentionHeads(long step, String name, long[] shape, int example, List<Preview> heads)
        implements NodeView {
    public AttentionHeads {
        heads = List.copyOf(heads);
    }

    /** Examples in the batch, so a picker knows its range. */
    public int examples() {
        return shape.length == 0 ? 1 : (int) shape[0];
    }
}
