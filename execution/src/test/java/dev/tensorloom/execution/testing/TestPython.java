package dev.tensorloom.execution.testing;

import dev.tensorloom.execution.python.ManagedPython;
import dev.tensorloom.execution.python.PinnedRequirements;
import dev.tensorloom.execution.python.PythonSetupException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Python interpreter every test that needs Python uses: the venv at
 * {@code <repository root>/target/python-venv}, made from the pinned requirements by the product's own
 * {@link ManagedPython#ensure}, once per build and shared by every test class and module (a file lock
 * lets forks and modules wait for one another; later calls return after the fast version check).
 * A test calls {@link #interpreter()}; when the venv cannot be made the test fails with pip's message,
 * it is never skipped.
 *
 * <p>The repository root comes from the system property {@value #ROOT_PROPERTY}, which the parent
 * pom's surefire configuration sets to {@code ${maven.multiModuleProjectDirectory}}; without it (an
 * IDE run) the root is found by walking up from the working directory.
 *
 * <p>Other modules reach this class through execution's test-jar: add
 * {@code <dependency><groupId>dev.tensorloom</groupId><artifactId>execution</artifactId>
 * <type>test-jar</type><scope>test</scope></dependency>} (studio-app has it).
 */
public final class TestPython {
    /** The system property that holds the repository root. */
    public static final String ROOT_PROPERTY = "tensorloom.root";
    private static final String REQUIREMENTS =
            "execution/src/main/resources" + PinnedRequirements.RESOURCE;

    private static Path interpreter;

    private TestPython() {
    }

    /** The shared test venv's interpreter, made first if needed (minutes, once per build). */
    public static synchronized Path interpreter() {
        if (interpreter == null) {
            Path venv = venvDir();
            long started = System.nanoTime();
            try {
                interpreter = ManagedPython.ensure(venv, line -> System.err.println("[test venv] " + line));
            } catch (PythonSetupException e) {
                throw new AssertionError("Could not make the tests' Python venv at " + venv + ":\n" + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while making the tests' Python venv at " + venv, e);
            }
            System.err.printf("[test venv] %s ready after %.1f s%n", venv, (System.nanoTime() - started) / 1e9);
        }
        return interpreter;
    }

    /** {@code <repository root>/target/python-venv}. */
    public static Path venvDir() {
        return repositoryRoot().resolve("target").resolve("python-venv");
    }

    /** The repository's root folder (the one with the parent pom and the pinned requirements). */
    public static Path repositoryRoot() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank() && isRoot(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return p;
            }
        }
        throw new AssertionError("cannot find the repository root: " + ROOT_PROPERTY + " is '" + property
                + "' and no folder above " + Path.of("").toAbsolutePath() + " holds " + REQUIREMENTS);
    }

    private static boolean isRoot(Path p) {
        return Files.isRegularFile(p.resolve(REQUIREMENTS));
    }
}
