package dev.tensorloom.execution.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.model.shape.DType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a safetensors file (8-byte little-endian header length, a JSON header of names, dtypes, shapes
 * and byte ranges, then the raw little-endian data) tensor by tensor, so a dataset of hundreds of
 * megabytes streams from the generators to disk without being held whole. DJL's own safetensors encoder
 * needs every tensor as an NDArray in memory at once, which is fine for weights (and used there) but not
 * for exported data. Each tensor is declared first and then filled in declaration order.
 */
final class TensorFileWriter {
    /**
     * A tensor to be written: its name, dtype, shape, and what supplies its elements, chunk by chunk (an
     * iterable that may generate each chunk only when asked, so nothing needs to be held whole).
     */
    record Entry(String name, DType dtype, long[] shape, Iterable<HostArray> chunks) {
        long bytes() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n * (dtype == DType.INT64 ? 8 : 4);
        }
    }

    private TensorFileWriter() {
    }

    /**
     * Writes {@code entries} to {@code file} (through a temporary file in the same folder, then renamed).
     * Chunks are concatenated in order and must add up to each entry's shape.
     */
    static void write(Path file, List<Entry> entries) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        long offset = 0;
        for (Entry e : entries) {
            ObjectNode t = header.putObject(e.name());
            t.put("dtype", e.dtype() == DType.INT64 ? "I64" : "F32");
            ArrayNode shape = t.putArray("shape");
            for (long d : e.shape()) {
                shape.add(d);
            }
            ArrayNode range = t.putArray("data_offsets");
            range.add(offset);
            offset += e.bytes();
            range.add(offset);
        }
        byte[] headerBytes = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        // The format asks for the data to start 8-byte aligned; pad the JSON with spaces.
        int padded = (headerBytes.length + 7) / 8 * 8;
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
                out.write(length.array());
                out.write(headerBytes);
                for (int i = headerBytes.length; i < padded; i++) {
                    out.write(' ');
                }
                for (Entry e : entries) {
                    long written = 0;
                    for (HostArray chunk : e.chunks()) {
                        written += writeChunk(out, e, chunk);
                    }
                    if (written != e.bytes()) {
                        throw new IllegalStateException(e.name() + ": wrote " + written + " bytes, declared "
                                + e.bytes());
                    }
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long writeChunk(OutputStream out, Entry e, HostArray chunk) throws IOException {
        if (chunk.dtype() != e.dtype()) {
            throw new IllegalStateException(e.name() + ": a " + chunk.dtype() + " chunk in a " + e.dtype() + " tensor");
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        long bytes = 0;
        if (e.dtype() == DType.INT64) {
            for (long v : chunk.longs()) {
                if (buffer.remaining() < 8) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                buffer.putLong(v);
                bytes += 8;
            }
        } else {
            for (float v : chunk.floats()) {
                if (buffer.remaining() < 4) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                buffer.putFloat(v);
                bytes += 4;
            }
        }
        out.write(buffer.array(), 0, buffer.position());
        return bytes;
    }

    /** Joins equal-shaped arrays along a new first dimension: [n, ...shape]. */
    static long[] stackedShape(int count, long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = count;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }
}
