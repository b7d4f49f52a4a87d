package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.Arrays;
import java.util.List;

/**
 * Sequence-to-sequence toy tasks over uniform random tokens in {@code [0, vocab)}: the target is the
 * input reversed, copied, or sorted ascending. Fields {@code tokens} and {@code target}, int64 [B, L].
 */
public final class SequenceTaskGenerator implements BatchGenerator {

    /** What the target is made of. */
    public enum Task {
        REVERSE("the tokens reversed"), COPY("the tokens copied"), SORT("the tokens sorted ascending");

        private final String meaning;

        Task(String meaning) {
            this.meaning = meaning;
        }
    }

    private final Task task;
    private final int length;
    private final int vocab;

    public SequenceTaskGenerator(Task task, int length, int vocab) {
        if (length < 1 || vocab < 2) {
            throw new IllegalArgumentException("needs length >= 1 and vocab >= 2, got " + length + ", " + vocab);
        }
        this.task = task;
        this.length = length;
        this.vocab = vocab;
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.of("tokens", DType.INT64, "input tokens in [0, " + vocab + ")", length),
                FieldSpec.of("target", DType.INT64, task.meaning, length));
    }

    @Override
    public HostBatch generate(DataRandom random, int batchSize) {
        long[] tokens = new long[batchSize * length];
        long[] target = new long[batchSize * length];
        for (int b = 0; b < batchSize; b++) {
            int off = b * length;
            for (int i = 0; i < length; i++) {
                tokens[off + i] = random.nextInt(vocab);
            }
            switch (task) {
                case COPY -> System.arraycopy(tokens, off, target, off, length);
                case REVERSE -> {
                    for (int i = 0; i < length; i++) {
                        target[off + i] = tokens[off + length - 1 - i];
                    }
                }
                case SORT -> {
                    System.arraycopy(tokens, off, target, off, length);
                    Arrays.sort(target, off, off + length);
                }
                default -> throw new IllegalStateException(task.toString());
            }
        }
        return HostBatch.builder()
                .put("tokens", HostArray.ofLongs(tokens, batchSize, length))
                .put("target", HostArray.ofLongs(target, batchSize, length))
                .build();
    }
}
