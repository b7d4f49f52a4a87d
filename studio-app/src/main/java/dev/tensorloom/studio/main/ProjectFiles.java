package dev.tensorloom.studio.main;

import dev.tensorloom.model.io.ProjectFormat;
import java.nio.file.Path;

/** File-name rules for project files: the extension and the display name. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** {@code path} with {@code .tlm} appended when it has no such extension. */
    public static Path withExtension(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(ProjectFormat.EXTENSION) ? path : path.resolveSibling(name + ProjectFormat.EXTENSION);
    }

    /** The file name without its extension: what the title bar shows. */
    public static String stem(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(ProjectFormat.EXTENSION) ? name.substring(0, name.length() - ProjectFormat.EXTENSION.length())
                : name;
    }

    public static boolean isProjectFile(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(ProjectFormat.EXTENSION);
    }
}
