package dev.tensorloom.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/** Facts about the project file format shared by reader, writer and migrators. */
public final class ProjectFormat {
    /** File extension of Tensorloom model files, with the dot. */
    public static final String EXTENSION = ".tlm";
    /** The version this build writes; older versions are migrated on load, newer ones refused. */
    public static final int CURRENT_VERSION = 3;
    /** Larger files are refused before reading: no real model comes close, and it bounds memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Deeper nesting is refused; a real file nests about 5 levels, and the reader recurses per level. */
    public static final int MAX_NESTING_DEPTH = 64;

    private ProjectFormat() {
    }

    /** A parser factory that locates duplicate keys and bounds nesting depth. */
    static JsonFactory readerFactory() {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(100)
                        .build())
                .build();
    }
}
