package dev.tensorloom.execution.resume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.session.TrainingState;
import dev.tensorloom.execution.train.OptimizerState;
import dev.tensorloom.model.io.AtomicFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TrainingState} on disk: {@code training-state.bin} in a run's save folder, beside the weights
 * ({@code params.bin}), one file so that a crash between two writes can never pair weights of one step with
 * optimizer moments of another. Written atomically; {@code train --resume DIR} reads it.
 *
 * <p>Format, big-endian: the magic {@code "TLRS"}, an int format version ({@value #VERSION}), an int
 * length and that many bytes of UTF-8 JSON (the step, losses, last evaluation, counters, the optimizer's
 * kind and update count, and the caller's {@code run} object: identity and history), then an int count
 * of arrays, each a UTF key, an int length and DJL's encoding of the array; then an int count of
 * optimizer entries, each a UTF key, an int slot count and per slot an int length and the encoded slot;
 * then the magic again, so a truncated file is recognised.
 */
public final class TrainingStateFile {
    public static final String FILE_NAME = "training-state.bin";
    static final int VERSION = 1;
    private static final int MAGIC = 0x544C5253; // "TLRS"
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A state read back, with the caller's {@code run} object it was saved with. */
    public record Saved(TrainingState state, JsonNode run) {
    }

    private TrainingStateFile() {
    }

    /** Writes {@code directory/training-state.bin} atomically (the folder must exist). */
    public static Path save(Path directory, TrainingState state, JsonNode run) throws IOException {
        Path target = directory.resolve(FILE_NAME);
        byte[] header = JSON.writeValueAsBytes(header(state, run));
        AtomicFile.write(target, os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(header.length);
            out.write(header);
            out.writeInt(state.arrays().size());
            for (Map.Entry<String, byte[]> e : state.arrays().entrySet()) {
                out.writeUTF(e.getKey());
                bytes(out, e.getValue());
            }
            out.writeInt(state.optimizer().slots().size());
            for (Map.Entry<String, List<byte[]>> e : state.optimizer().slots().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().size());
                for (byte[] slot : e.getValue()) {
                    bytes(out, slot);
                }
            }
            out.writeInt(MAGIC);
            out.flush();
        });
        return target;
    }

    /**
     * Reads {@code directory/training-state.bin}.
     *
     * @throws IOException naming the file when it is missing, from another program or version, or cut short
     */
    public static Saved load(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no saved training state (train with --save DIR"
                    + " or --save-every N to make one)");
        }
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a Tensorloom training state");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has training-state format version " + version + "; this build reads "
                        + VERSION);
            }
            JsonNode header = JSON.readTree(new String(bytes(in), StandardCharsets.UTF_8));
            int arrayCount = in.readInt();
            Map<String, byte[]> arrays = new LinkedHashMap<>();
            for (int i = 0; i < arrayCount; i++) {
                arrays.put(in.readUTF(), bytes(in));
            }
            int slotCount = in.readInt();
            Map<String, List<byte[]>> slots = new LinkedHashMap<>();
            for (int i = 0; i < slotCount; i++) {
                String key = in.readUTF();
                int n = in.readInt();
                List<byte[]> list = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    list.add(bytes(in));
                }
                slots.put(key, list);
            }
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is damaged (its end marker is missing)");
            }
            return new Saved(state(header, arrays, slots), header.path("run"));
        } catch (EOFException e) {
            throw new IOException(file + " is cut short", e);
        }
    }

    private static ObjectNode header(TrainingState state, JsonNode run) {
        ObjectNode h = JSON.createObjectNode();
        h.put("step", state.step());
        state.losses().forEach(h.putArray("losses")::add);
        ObjectNode eval = h.putObject("lastEvaluation");
        state.lastEvaluation().forEach(eval::put);
        h.put("forwardEvaluations", state.forwardEvaluations());
        h.put("elapsedMillis", state.elapsedMillis());
        ObjectNode optimizer = h.putObject("optimizer");
        optimizer.put("kind", state.optimizer().kind());
        optimizer.put("updates", state.optimizer().updates());
        h.set("run", run);
        return h;
    }

    private static TrainingState state(JsonNode h, Map<String, byte[]> arrays, Map<String, List<byte[]>> slots) {
        List<Double> losses = new ArrayList<>();
        h.path("losses").forEach(n -> losses.add(n.asDouble()));
        Map<String, Double> eval = new LinkedHashMap<>();
        h.path("lastEvaluation").fields().forEachRemaining(e -> eval.put(e.getKey(), e.getValue().asDouble()));
        JsonNode optimizer = h.path("optimizer");
        return new TrainingState(h.path("step").asLong(), losses, eval, h.path("forwardEvaluations").asLong(),
                h.path("elapsedMillis").asLong(), arrays,
                new OptimizerState(optimizer.path("kind").asText(), optimizer.path("updates").asLong(), slots));
    }

    private static void bytes(DataOutputStream out, byte[] data) throws IOException {
        out.writeInt(data.length);
        out.write(data);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length " + n);
        }
        byte[] data = new byte[n];
        in.readFully(data);
        return data;
    }
}
