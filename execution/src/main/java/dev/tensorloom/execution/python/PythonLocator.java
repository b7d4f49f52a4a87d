package dev.tensorloom.execution.python;

import dev.tensorloom.execution.home.TensorloomHome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which Python interpreter Tensorloom runs, and says why. In order: the {@code --python} flag,
 * the {@code TENSORLOOM_PYTHON} environment variable, the studio's preference, the managed environment
 * (default {@code ~/.tensorloom/python/venv}) when it exists, then {@code python3} on the PATH. A
 * folder given for an interpreter means the venv in it.
 */
public final class PythonLocator {
    /** The environment variable that names an interpreter. */
    public static final String ENV_VARIABLE = "TENSORLOOM_PYTHON";

    /** Where the chosen interpreter came from. */
    public enum Source { FLAG, ENVIRONMENT, PREFERENCE, MANAGED, PATH, NONE }

    /**
     * The chosen interpreter.
     *
     * @param interpreter null when the source is {@link Source#NONE}
     * @param reason      one line for people: {@code named by TENSORLOOM_PYTHON}
     */
    public record Located(Path interpreter, Source source, String reason) {
        /** Whether this is the managed environment, which {@link ManagedPython#ensure} may create or repair. */
        public boolean managed() {
            return source == Source.MANAGED;
        }
    }

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");

    private final Map<String, String> environment;
    private final Path managedVenv;

    /**
     * @param environment the process environment ({@code TENSORLOOM_PYTHON}, {@code PATH})
     * @param managedVenv the managed environment's folder
     */
    public PythonLocator(Map<String, String> environment, Path managedVenv) {
        this.environment = Map.copyOf(environment);
        this.managedVenv = managedVenv.toAbsolutePath().normalize();
    }

    /** The process's environment and the managed venv in the current {@link TensorloomHome}. */
    public static PythonLocator standard() {
        return new PythonLocator(System.getenv(), TensorloomHome.current().pythonEnvironment());
    }

    public Path managedVenv() {
        return managedVenv;
    }

    /**
     * Chooses the interpreter.
     *
     * @param flag       the {@code --python} option, or null
     * @param preference the studio's Preferences choice, or null
     */
    public Located locate(Path flag, Path preference) {
        if (flag != null) {
            return new Located(interpreterAt(flag), Source.FLAG, "given with --python");
        }
        String variable = environment.get(ENV_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new Located(interpreterAt(Path.of(variable.strip())), Source.ENVIRONMENT,
                    "named by the environment variable " + ENV_VARIABLE);
        }
        if (preference != null) {
            return new Located(interpreterAt(preference), Source.PREFERENCE, "chosen in the studio's Preferences");
        }
        Path managed = ManagedPython.interpreterOf(managedVenv);
        if (Files.exists(managed)) {
            return new Located(managed, Source.MANAGED, "the managed environment in " + managedVenv);
        }
        Optional<Path> onPath = python3OnPath(environment.getOrDefault("PATH", ""));
        if (onPath.isPresent()) {
            return new Located(onPath.get(), Source.PATH, "python3 on the PATH (there is no managed environment in "
                    + managedVenv + " yet; 'tensorloom python setup' creates it)");
        }
        return new Located(null, Source.NONE, "no " + ENV_VARIABLE + ", no managed environment in " + managedVenv
                + " and no python3 on the PATH");
    }

    /** {@code python3} on this process's PATH. */
    public static Optional<Path> python3OnPath() {
        return python3OnPath(System.getenv().getOrDefault("PATH", ""));
    }

    static Optional<Path> python3OnPath(String path) {
        String name = WINDOWS ? "python.exe" : "python3";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** An interpreter path as given, or the interpreter of the venv when given a folder. */
    static Path interpreterAt(Path given) {
        Path absolute = given.toAbsolutePath().normalize();
        return Files.isDirectory(absolute) ? ManagedPython.interpreterOf(absolute) : absolute;
    }
}
