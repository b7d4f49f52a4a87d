package dev.tensorloom.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Saves projects. The output is deterministic (sorted ids, fixed field order, two-space indent,
 * {@code \n} line ends, a trailing newline, doubles in their shortest round-trip form) so files diff
 * well under version control. Saving is atomic: a crash mid-save leaves the old file intact.
 */
public final class ProjectWriter {
    private static final ObjectWriter JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build()
            .writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ProjectWriter() {
    }

    /** The project as file text (for the clipboard, or tests). */
    public static String toJson(Project project) {
        try {
            return JSON.writeValueAsString(DocumentMapping.toFile(project)) + "\n";
        } catch (JsonProcessingException e) {
            // Only values the model allows reach here, and all of them serialise.
            throw new IllegalStateException("cannot serialise project '" + project.name() + "'", e);
        }
    }

    /**
     * Writes the project to {@code file}, replacing it atomically ({@link AtomicFile}: the old file's
     * permissions are kept, and temporary files of earlier interrupted saves are cleaned up).
     */
    public static void write(Project project, Path file) throws ProjectFileException {
        String source = String.valueOf(file.getFileName());
        byte[] bytes = toJson(project).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFile.write(file, bytes);
        } catch (IOException | RuntimeException e) {
            throw new ProjectFileException(source + ": could not save (" + e.getMessage() + ")", e);
        }
    }
}
