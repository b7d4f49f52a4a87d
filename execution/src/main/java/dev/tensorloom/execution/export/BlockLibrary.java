package dev.tensorloom.execution.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The PyTorch implementations of the block types, one resource file each, read once and kept. */
final class BlockLibrary {
    static final String FOLDER = "/dev/tensorloom/export/blocks/";
    private static final BlockLibrary STANDARD = new BlockLibrary();
    private final Map<String, Optional<BlockSource>> sources = new ConcurrentHashMap<>();

    static BlockLibrary standard() {
        return STANDARD;
    }

    /** The implementation of a block type or helper file, if the library has one. */
    Optional<BlockSource> find(String name) {
        return sources.computeIfAbsent(name, BlockLibrary::load);
    }

    private static Optional<BlockSource> load(String name) {
        try (InputStream in = BlockLibrary.class.getResourceAsStream(FOLDER + name + ".py")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(BlockSource.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
