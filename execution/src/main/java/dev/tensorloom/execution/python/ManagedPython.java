package dev.tensorloom.execution.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates, checks and repairs a managed venv that satisfies the pinned requirements.
 *
 * <p>{@link #ensure} is idempotent: when the venv already satisfies the pins it returns after the
 * fast probe (installed versions only). Several JVMs may call it at once; a file lock beside the venv
 * lets one set up while the others wait and then find it done. A new venv is built in a temporary
 * sibling folder and renamed into place only when pip finished and every key package imported, so an
 * interrupted setup leaves no folder under the venv's name. A venv that exists but whose versions are
 * wrong is repaired in place with the same {@code pip install -r}; its marker file is removed first and
 * written back last, so an interrupted repair too leaves nothing that {@link #check} accepts.
 */
public final class ManagedPython {
    private static final long VENV_TIMEOUT_S = 600;

    private final VenvLayout layout;
    private final PinnedRequirements requirements;
    private final Path basePython;

    /**
     * @param venvDir      where the venv lives (need not exist)
     * @param requirements what it must satisfy
     * @param basePython   the interpreter that creates the venv ({@code python3 -m venv})
     */
    public ManagedPython(Path venvDir, PinnedRequirements requirements, Path basePython) {
        this.layout = new VenvLayout(venvDir);
        this.requirements = requirements;
        this.basePython = basePython;
    }

    /** The managed venv at {@code venvDir} with the bundled pins, created from {@code python3} on the PATH. */
    public static ManagedPython at(Path venvDir) {
        return new ManagedPython(venvDir, PinnedRequirements.bundled(), PythonLocator.python3OnPath()
                .orElse(Path.of("python3")));
    }

    /** Shorthand for {@code at(venvDir).ensure(...)} with a listener that only hears output lines. */
    public static Path ensure(Path venvDir, Consumer<String> progress)
            throws PythonSetupException, InterruptedException {
        return at(venvDir).ensure(SetupListener.ofLines(progress));
    }

    /** The interpreter inside a venv folder ({@code bin/python}, {@code Scripts\python.exe} on Windows). */
    public static Path interpreterOf(Path venvDir) {
        return new VenvLayout(venvDir).interpreter();
    }

    public Path venvDir() {
        return layout.dir();
    }

    public Path interpreter() {
        return layout.interpreter();
    }

    /**
     * The fast check: the venv exists, its setup finished (the marker is there) and every pin is
     * installed at its version. Runs the venv's interpreter once, for a fraction of a second.
     */
    public EnvironmentCheck check() throws InterruptedException {
        if (!Files.isDirectory(layout.dir())) {
            return EnvironmentCheck.unusable(layout.interpreter(), "no managed environment at " + layout.dir());
        }
        EnvironmentCheck versions = EnvironmentCheck.probe(layout.interpreter(), requirements);
        return Files.isRegularFile(layout.marker()) ? versions
                : versions.withProblem("the setup of " + layout.dir() + " did not finish");
    }

    /**
     * Makes the venv satisfy the pins and returns its interpreter: a no-op when it already does, a
     * repair with pip when it exists with wrong or missing packages, a new venv otherwise.
     *
     * @throws PythonSetupException when venv or pip fail; nothing that {@link #check} accepts is left
     * @throws InterruptedException when the calling thread is interrupted (Cancel): pip is killed and
     *                              nothing half-made is left under the venv's name
     */
    @SuppressWarnings("try") // the lock is held for the block, never called
    public Path ensure(SetupListener listener) throws PythonSetupException, InterruptedException {
        if (check().satisfied()) {
            return layout.interpreter();
        }
        try (EnvironmentLock lock = EnvironmentLock.acquire(layout.lockFile())) {
            EnvironmentCheck current = check(); // another process may have finished it while we waited
            if (current.satisfied()) {
                listener.onProgress(1, "ready");
                return layout.interpreter();
            }
            deleteLeftovers();
            if (current.info() != null) {
                repair(current, listener);
            } else {
                refuseForeignFolder();
                create(listener);
            }
            listener.onProgress(1, "ready");
            return layout.interpreter();
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /**
     * For {@code python setup --cuda}: after {@link #ensure}, asks pip once for the best build of the pinned
     * torch when the installed one is CPU-only ({@code pip install --upgrade -r}, the pins unchanged), so a
     * pip configured with an index of CUDA builds replaces it. Which build pip serves is pip's configuration;
     * the returned check says what was installed.
     */
    @SuppressWarnings("try") // the lock is held for the block, never called
    public CudaCheck ensureCudaBuild(SetupListener listener) throws PythonSetupException, InterruptedException {
        ensure(listener);
        CudaCheck installed = cudaCheck();
        if (installed.cudaBuild()) {
            return installed;
        }
        try (EnvironmentLock lock = EnvironmentLock.acquire(layout.lockFile())) {
            say(listener, "torch " + installed.torchVersion() + " is a CPU-only build; asking pip for the best build "
                    + "of the pinned release");
            Files.deleteIfExists(layout.marker());
            Files.writeString(layout.requirements(), requirements.text());
            PipProgress progress = new PipProgress(listener, 1, PipProgress.VENV_DONE);
            PipInstall.run(layout.interpreter(), layout.requirements(), List.of("--upgrade"), progress);
            verify(layout.interpreter(), progress, listener);
            writeMarker(layout.dir());
        } catch (IOException e) {
            throw ioFailure(e);
        }
        return cudaCheck();
    }

    private CudaCheck cudaCheck() throws PythonSetupException, InterruptedException {
        try {
            PythonInfo info = PythonProbe.full(layout.interpreter(), requirements);
            if (info.torch() == null) {
                throw new PythonSetupException("torch does not import in " + layout.dir() + ".", "torch",
                        info.importErrors().get("torch"));
            }
            return CudaCheck.of(info);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /** A file-system failure as the user's error; one that an interrupt (Cancel) caused as the interrupt. */
    private PythonSetupException ioFailure(IOException e) throws InterruptedException {
        if (e instanceof java.nio.channels.ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            throw new InterruptedException("setup of " + layout.dir() + " cancelled");
        }
        return new PythonSetupException("Could not set up Tensorloom's Python environment in " + layout.dir() + ".",
                null, e.toString());
    }

    private void repair(EnvironmentCheck current, SetupListener listener)
            throws IOException, PythonSetupException, InterruptedException {
        say(listener, "repairing " + layout.dir() + ": " + String.join("; ", current.problems()));
        Files.deleteIfExists(layout.marker());
        Files.writeString(layout.requirements(), requirements.text());
        PipProgress progress = new PipProgress(listener, current.problems().size(), PipProgress.VENV_DONE);
        PipInstall.run(layout.interpreter(), layout.requirements(), List.of(), progress);
        verify(layout.interpreter(), progress, listener);
        writeMarker(layout.dir());
    }

    private void create(SetupListener listener) throws IOException, PythonSetupException, InterruptedException {
        Path partial = layout.dir().resolveSibling(layout.partialPrefix() + UUID.randomUUID());
        boolean done = false;
        try {
            say(listener, "creating a venv with " + basePython + " in " + partial.getFileName()
                    + " (renamed to " + layout.dir().getFileName() + " when complete)");
            PipProgress progress = new PipProgress(listener, requirements.pins().size(), 0);
            progress.stage(0, "creating the venv");
            createVenv(partial, listener);
            VenvLayout partialLayout = new VenvLayout(partial);
            Files.writeString(partialLayout.requirements(), requirements.text());
            progress.stage(PipProgress.VENV_DONE, "installing " + requirements.pins().size() + " pinned packages");
            PipInstall.run(partialLayout.interpreter(), partialLayout.requirements(), List.of(), progress);
            verify(partialLayout.interpreter(), progress, listener);
            VenvRelocation.retarget(partialLayout, layout);
            writeMarker(partial);
            moveIntoPlace(partial);
            done = true;
            say(listener, "ready: " + layout.interpreter());
        } finally {
            if (!done) {
                deleteQuietly(partial);
            }
        }
    }

    private void createVenv(Path partial, SetupListener listener)
            throws IOException, PythonSetupException, InterruptedException {
        Files.createDirectories(partial.getParent());
        ChildProcess.Result result;
        try {
            result = ChildProcess.run(List.of(basePython.toString(), "-m", "venv", partial.toString()),
                    VENV_TIMEOUT_S, listener::onLine);
        } catch (IOException e) {
            throw new PythonSetupException("Could not run " + basePython + " to create a venv. Install Python "
                    + "3.11 or newer, or give the interpreter to create it with (--python PATH).", null,
                    e.getMessage());
        }
        if (result.exitCode() != 0) {
            throw new PythonSetupException("'" + basePython + " -m venv' failed (exit " + result.exitCode()
                    + "); on Debian and Ubuntu the venv module is the package python3-venv.", null,
                    result.tailText());
        }
    }

    /** Imports every key package with the new interpreter: pip's success alone does not prove the wheels load. */
    private void verify(Path python, PipProgress progress, SetupListener listener)
            throws PythonSetupException, InterruptedException {
        progress.stage(PipProgress.INSTALLED, "importing torch, numpy, onnx, onnxruntime, onnxscript, safetensors");
        EnvironmentCheck check;
        try {
            check = EnvironmentCheck.compare(PythonProbe.full(python, requirements), requirements);
        } catch (IOException e) {
            throw new PythonSetupException("The new environment's interpreter did not run.", null, e.getMessage());
        }
        if (!check.satisfied()) {
            throw new PythonSetupException("pip finished, but the environment does not satisfy the pins.", null,
                    String.join("\n", check.problems()));
        }
        PythonInfo.Torch torch = check.info().torch();
        say(listener, "verified: Python " + check.info().pythonVersion() + ", torch " + torch.version()
                + (torch.cudaAvailable() ? ", CUDA " + torch.cudaVersion() + " with " + torch.gpus().size()
                + " GPU(s)" : ", no CUDA"));
    }

    /** Never replaces a folder that holds something else than a venv (a mistyped {@code --dir}). */
    private void refuseForeignFolder() throws IOException, PythonSetupException {
        if (Files.isDirectory(layout.dir()) && !Files.exists(layout.dir().resolve("pyvenv.cfg"))) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.dir())) {
                if (entries.iterator().hasNext()) {
                    throw new PythonSetupException(layout.dir() + " exists and is not a Python venv; choose an "
                            + "empty or new folder for Tensorloom's environment.", null, null);
                }
            }
        }
    }

    private void writeMarker(Path venv) throws IOException {
        Files.writeString(new VenvLayout(venv).marker(), "Tensorloom's managed Python environment\n"
                + "requirements sha256: " + requirements.sha256() + "\n" + "finished: " + Instant.now() + "\n",
                StandardCharsets.UTF_8);
    }

    private void moveIntoPlace(Path partial) throws IOException {
        if (Files.exists(layout.dir())) { // unusable (its interpreter does not run): replace it whole
            Path retired = layout.dir().resolveSibling(layout.retiredPrefix() + UUID.randomUUID());
            Files.move(layout.dir(), retired, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, layout.dir(), StandardCopyOption.ATOMIC_MOVE);
            deleteQuietly(retired);
        } else {
            Files.move(partial, layout.dir(), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Partial and retired folders of setups that were killed; only called under the lock. */
    private void deleteLeftovers() throws IOException {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(layout.dir().getParent())) {
            for (Path p : siblings) {
                String name = p.getFileName().toString();
                if (name.startsWith(layout.partialPrefix()) || name.startsWith(layout.retiredPrefix())) {
                    deleteQuietly(p);
                }
            }
        }
    }

    private static void say(SetupListener listener, String line) {
        listener.onLine("tensorloom: " + line);
    }

    static void deleteQuietly(Path dir) {
        try {
            Deletion.deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            // a leftover is deleted by the next setup, under the lock
        }
    }
}
