package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.model.io.AtomicFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/**
 * Saves and loads a {@link ParameterStore} as {@code params.bin} in a directory (by convention
 * {@code <project>.weights/} beside the project file).
 *
 * <p>Format, big-endian ({@link DataOutputStream}): the magic {@code "TLWT"}, an int format version
 * ({@value #VERSION}), an int entry count, then per entry: a UTF string {@code nodeId/name}, a byte
 * kind (0 parameter, 1 buffer), an int length and that many bytes of {@link NDArray#encode()} (DJL's own
 * array encoding: shape, data type and raw values, so loading is bit-exact). The file is written through
 * {@link AtomicFile}, so a crash never leaves half a file.
 */
public final class WeightsFile {
    public static final String FILE_NAME = "params.bin";
    static final int VERSION = 1;
    private static final int MAGIC = 0x544C5754; // "TLWT"

    private WeightsFile() {
    }

    /**
     * Writes every parameter and buffer to {@code directory/params.bin} (creating the folder, not its
     * parents), replacing an older file atomically with its permissions kept.
     */
    public static Path save(ParameterStore store, Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectory(directory);
        }
        Path target = directory.resolve(FILE_NAME);
        List<Object[]> entries = new ArrayList<>();
        store.parameters().forEach(e -> entries.add(new Object[] {e.getKey(), (byte) 0, e.getValue()}));
        store.buffers().forEach(e -> entries.add(new Object[] {e.getKey(), (byte) 1, e.getValue()}));
        AtomicFile.write(target, os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(entries.size());
            for (Object[] e : entries) {
                byte[] data = ((NDArray) e[2]).encode();
                out.writeUTF((String) e[0]);
                out.writeByte((Byte) e[1]);
                out.writeInt(data.length);
                out.write(data);
            }
            out.flush();
        });
        return target;
    }

    /**
     * Loads values into an initialised store (same graph, same shapes). Every parameter of the store must
     * be in the file; a mismatch is reported with the parameter's name.
     */
    public static void load(ParameterStore store, Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        int loaded = 0;
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(is));
                NDManager scratch = store.manager().newSubManager()) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a Tensorloom weights file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has weights format version " + version + "; this build reads "
                        + VERSION);
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                in.readByte();
                byte[] data = new byte[in.readInt()];
                in.readFully(data);
                int slash = key.lastIndexOf('/');
                NDArray value = NDArray.decode(scratch, data);
                store.assign(key.substring(0, slash), key.substring(slash + 1), value);
                loaded++;
            }
        }
        long expected = store.parameters().size() + store.buffers().size();
        if (loaded != expected) {
            throw new IOException(file + " holds " + loaded + " arrays but the model has " + expected);
        }
    }

    /**
     * Assigns every parameter and buffer of an initialised store from arrays named {@code nodeId/name}
     * (read from another file format); every one the store has must be there, with its shape.
     *
     * @param source names the file in messages
     */
    public static void assignAll(ParameterStore store, java.util.Map<String, NDArray> byKey, String source)
            throws IOException {
        List<String> missing = new ArrayList<>();
        for (List<java.util.Map.Entry<String, NDArray>> group : List.of(store.parameters(), store.buffers())) {
            for (java.util.Map.Entry<String, NDArray> e : group) {
                NDArray value = byKey.get(e.getKey());
                if (value == null) {
                    missing.add(e.getKey());
                    continue;
                }
                int slash = e.getKey().lastIndexOf('/');
                try {
                    store.assign(e.getKey().substring(0, slash), e.getKey().substring(slash + 1), value);
                } catch (IllegalArgumentException mismatch) {
                    throw new WeightsMismatchException(source + ": " + mismatch.getMessage());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new WeightsMismatchException(source + " has no value for " + missing.size() + " of the model's arrays, e.g. "
                    + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                    + "; were these weights trained for another project?");
        }
    }
}
