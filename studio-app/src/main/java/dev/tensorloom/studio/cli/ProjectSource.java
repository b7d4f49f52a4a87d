package dev.tensorloom.studio.cli;

import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectFileException;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code (FILE | --template ID)} argument, mixed into every command that works on a project. */
final class ProjectSource {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A project file (.tlm).")
    Path file;

    @Option(names = "--template", paramLabel = "ID", description = "A built-in template (see 'tensorloom templates').")
    String template;

    /** Loads the project; user mistakes come back as located {@link ProjectFileException}s. */
    Project load() throws ProjectFileException {
        if ((file == null) == (template == null)) {
            throw new IllegalArgumentException("give either a project FILE or --template ID");
        }
        if (file != null) {
            return ProjectReader.read(file);
        }
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        return ProjectReader.fromJson(catalog.projectJson(template), catalog.sourceName(template));
    }

    /** SHA-256 of the project's bytes (the file, or the template's JSON), in hex: which project an export came from. */
    String sha256() throws java.io.IOException {
        byte[] bytes = file != null ? java.nio.file.Files.readAllBytes(file)
                : TemplateCatalog.builtIn().projectJson(template).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How messages name the project: the file as given, or the template's file name. */
    String displayName() {
        return file != null ? file.toString() : template + ".tlm";
    }

    /** Folder beside which run outputs go (the file's folder, or the working directory for a template). */
    Path folder() {
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

}
