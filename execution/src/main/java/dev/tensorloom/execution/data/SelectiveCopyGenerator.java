package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.Arrays;
import java.util.List;

/**
 * The selective-copying task of the Mamba paper (Gu and Dao, 2023): {@code k} data tokens sit at
 * random positions of a noise sequence of length {@code L}; then {@code k} recall markers follow,
 * at which the model must output the data tokens in their order of appearance.
 *
 * <p>Token layout for {@code vocab = V}: {@code 0..V-1} data symbols, {@code V} noise, {@code V+1}
 * recall marker, so an embedding needs {@code V+2} entries. Fields {@code tokens} and {@code target},
 * int64 [B, L+k]; the target is {@link #IGNORE} (-1) except at the last {@code k} positions.
 */
public final class SelectiveCopyGenerator implements BatchGenerator {
    /** Target value for positions that carry no loss (cross-entropy ignore index). */
    public static final long IGNORE = -1;

    private final int length;
    private final int dataTokens;
    private final int vocab;

    public SelectiveCopyGenerator(int length, int dataTokens, int vocab) {
        if (dataTokens < 1 || length < dataTokens || vocab < 1) {
            throw new IllegalArgumentException("needs 1 <= data_tokens <= length and vocab >= 1, got length "
                    + length + ", data_tokens " + dataTokens + ", vocab " + vocab);
        }
        this.length = length;
        this.dataTokens = dataTokens;
        this.vocab = vocab;
    }

    /** The token standing for background noise. */
    public long noiseToken() {
        return vocab;
    }

    /** The token at the recall positions. */
    public long markerToken() {
        return vocab + 1L;
    }

    /** Embedding size needed for {@code tokens}: data symbols, noise and marker. */
    public int tokenCount() {
        return vocab + 2;
    }

    @Override
    public List<FieldSpec> fields() {
        int total = length + dataTokens;
        return List.of(
                FieldSpec.of("tokens", DType.INT64, "data symbols 0.." + (vocab - 1) + " among noise " + vocab
                        + ", then " + dataTokens + " recall markers " + (vocab + 1), total),
                FieldSpec.of("target", DType.INT64, "-1 except the last " + dataTokens
                        + " positions: the data symbols in order", total));
    }

    @Override
    public HostBatch generate(DataRandom random, int batchSize) {
        int total = length + dataTokens;
        long[] tokens = new long[batchSize * total];
        long[] target = new long[batchSize * total];
        Arrays.fill(target, IGNORE);
        for (int b = 0; b < batchSize; b++) {
            int off = b * total;
            Arrays.fill(tokens, off, off + length, noiseToken());
            Arrays.fill(tokens, off + length, off + total, markerToken());
            int[] positions = choosePositions(random);
            for (int j = 0; j < dataTokens; j++) {
                long symbol = random.nextInt(vocab);
                tokens[off + positions[j]] = symbol;
                target[off + length + j] = symbol;
            }
        }
        return HostBatch.builder()
                .put("tokens", HostArray.ofLongs(tokens, batchSize, total))
                .put("target", HostArray.ofLongs(target, batchSize, total))
                .build();
    }

    /** {@code dataTokens} distinct positions in {@code [0, length)}, ascending (Floyd's sampling). */
    private int[] choosePositions(DataRandom random) {
        boolean[] taken = new boolean[length];
        for (int j = length - dataTokens; j < length; j++) {
            int t = random.nextInt(j + 1);
            taken[taken[t] ? j : t] = true;
        }
        int[] positions = new int[dataTokens];
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (taken[i]) {
                positions[n++] = i;
            }
        }
        return positions;
    }
}
