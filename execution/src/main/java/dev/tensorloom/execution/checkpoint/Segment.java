package dev.tensorloom.execution.checkpoint;

/**
 * A run of consecutive nodes {@code first..last} (inclusive) that ends at a boundary and is
 * either taped in the forward pass or recomputed in the backward pass.
 *
 * @param first first node index
 * @param last last node index, a boundary
 * @param mode what happens to the segment's activations
 */
public record Segment(int first, int last, Mode mode) {

    /** What the executor does with a segment. */
    public enum Mode {
        /** Forward with taping; saved activations stay until this segment's backward. */
        STORED,
        /**
         * Forward with grad off keeping only the input (the output of node {@code first-1},
         * or the batch for the first segment); in backward, forward again taped from that
         * input, then backward through it.
         */
        RECOMPUTED
    }

    public Segment {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad segment " + first + ".." + last);
        }
    }

    public int size() {
        return last - first + 1;
    }
}
