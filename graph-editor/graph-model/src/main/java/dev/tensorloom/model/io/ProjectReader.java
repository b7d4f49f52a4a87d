package dev.tensorloom.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads project files of any supported version. Every failure, whatever its cause, becomes one
 * {@link ProjectFileException} whose message starts with the file name and, where the text gives
 * one, the line and column: the user sees what to fix, never a stack trace.
 */
public final class ProjectReader {
    private ProjectReader() {
    }

    /** Reads and migrates a project file. */
    public static Project read(Path file) throws ProjectFileException {
        String source = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ProjectFileException(source + ": is a folder, not a project file");
            }
            long size = Files.size(file);
            if (size > ProjectFormat.MAX_FILE_BYTES) {
                throw new ProjectFileException(source + ": the file is " + (size >> 20) + " MiB; project files are at most "
                        + (ProjectFormat.MAX_FILE_BYTES >> 20) + " MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(source + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ProjectFileException(source + ": permission denied", e);
        } catch (IOException | RuntimeException e) {
            throw new ProjectFileException(source + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        return fromBytes(bytes, source, stem(source));
    }

    /** Reads a project from JSON text, for the clipboard and for templates; {@code sourceName} starts messages. */
    public static Project fromJson(String json, String sourceName) throws ProjectFileException {
        return parse(json, sourceName, stem(sourceName));
    }

    static Project fromBytes(byte[] bytes, String source, String defaultName) throws ProjectFileException {
        return parse(decodeUtf8(bytes, source), source, defaultName);
    }

    private static Project parse(String text, String source, String defaultName) throws ProjectFileException {
        SourceMap map = new SourceMap();
        try {
            JsonNode root = LocatedTreeReader.read(text, map);
            if (!(root instanceof ObjectNode object)) {
                throw new FormatProblem("a project file must hold a JSON object, not " + TreeFields.describe(root),
                        root, null);
            }
            int version = version(object, source, map);
            ObjectNode current = Migrations.toCurrent(object, version);
            Project project = ProjectDecoder.decode(current, defaultName);
            List<String> warnings = new ArrayList<>();
            for (UnknownFields.Found f : UnknownFields.in(current)) {
                warnings.add(located(source, map.locate(f.container(), f.field())) + "unknown field '" + f.path()
                        + "' is ignored, and saving the project would drop it");
            }
            return new Project(project.name(), project.document(), project.blocks(), warnings);
        } catch (FormatProblem e) {
            JsonLocation at = map.locate(e.container(), e.field());
            throw new ProjectFileException(located(source, at) + e.getMessage(), e);
        } catch (LocatedTreeReader.LocatedProblem e) {
            throw new ProjectFileException(located(source, e.location()) + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(located(source, e.getLocation()) + describe(e), e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // Nothing else should get here; if it does, the user still gets a message, not a crash.
            throw new ProjectFileException(source + ": cannot read the file (" + e + ")", e);
        }
    }

    private static int version(ObjectNode root, String source, SourceMap map) throws ProjectFileException {
        JsonNode v = root.get("formatVersion");
        if (v == null) {
            throw new FormatProblem("missing 'formatVersion' (is this a Tensorloom model?)", root, null);
        }
        if (!v.isIntegralNumber() || v.longValue() < 1) {
            throw new FormatProblem("formatVersion must be a whole number from 1 up, not " + TreeFields.describe(v),
                    root, "formatVersion");
        }
        if (v.longValue() > ProjectFormat.CURRENT_VERSION) {
            throw new ProjectFileException(located(source, map.locate(root, "formatVersion")) + "formatVersion "
                    + v.longValue() + " is newer than this Tensorloom (supports up to " + ProjectFormat.CURRENT_VERSION
                    + "); please update");
        }
        return v.intValue();
    }

    private static String decodeUtf8(byte[] bytes, String source) throws ProjectFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            throw new ProjectFileException(source + ":" + position(out) + ": not UTF-8 text (is this a binary file?)");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** "line:column" of the end of the decoded text, where decoding stopped. */
    private static String position(CharBuffer decoded) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.limit(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return line + ":" + column;
    }

    private static String located(String source, JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return source + ": ";
        }
        return source + ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr()) + ": ";
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "nested too deeply or a value too long (at most " + ProjectFormat.MAX_NESTING_DEPTH
                    + " levels of nesting)";
        }
        if (e instanceof JsonEOFException) {
            return "the file ends too early (is it truncated?)";
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            return "duplicate key " + message.substring("Duplicate field".length()).trim();
        }
        return oneLine(message);
    }

    /** Jackson messages may span lines and echo control characters from binary junk. */
    private static String oneLine(String message) {
        String cleaned = message.replaceAll("\\s*\\R\\s*", " ").replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
    }

    private static String stem(String fileName) {
        return fileName.endsWith(ProjectFormat.EXTENSION)
                ? fileName.substring(0, fileName.length() - ProjectFormat.EXTENSION.length())
                : fileName;
    }
}
