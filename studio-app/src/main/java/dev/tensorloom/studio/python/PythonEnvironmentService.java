package dev.tensorloom.studio.python;

import dev.tensorloom.execution.python.EnvironmentCheck;
import dev.tensorloom.execution.python.ManagedPython;
import dev.tensorloom.execution.python.PinnedRequirements;
import dev.tensorloom.execution.python.PythonLocator;
import dev.tensorloom.studio.files.PythonPreferenceStore;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the studio calls when something needs Python (export checks, the PyTorch engine):
 * {@link #require} finds the interpreter the locator chooses (with the Preferences choice), checks it
 * against the pins off the FX thread, and when it does not fit offers the setup dialog. Callers get
 * the interpreter on the FX thread, or the reason there is none.
 */
public final class PythonEnvironmentService implements PythonRequirement {
    /** Shows the setup dialog; the studio's is a window, tests script it. */
    public interface SetupPrompt {
        /**
         * Offers to set up the managed environment in {@code venvDir}, saying {@code reason}; calls
         * {@code onReady} with the interpreter when set up, {@code onClosed} when closed without one.
         */
        void offer(Path venvDir, String reason, Consumer<Path> onReady, Runnable onClosed);
    }

    private final PythonLocator locator;
    private final PythonPreferenceStore preferences;
    private final TaskExecutor tasks;
    private final SetupPrompt prompt;

    public PythonEnvironmentService(PythonLocator locator, PythonPreferenceStore preferences, TaskExecutor tasks,
            SetupPrompt prompt) {
        this.locator = locator;
        this.preferences = preferences;
        this.tasks = tasks;
        this.prompt = prompt;
    }

    public PythonLocator locator() {
        return locator;
    }

    public PythonPreferenceStore preferences() {
        return preferences;
    }

    /** The interpreter the studio would use now and why (reads the preference: call off the FX thread). */
    public PythonLocator.Located locate() {
        return locator.locate(null, preferences.interpreter().orElse(null));
    }

    /**
     * Makes sure a Python that satisfies the pins is there for {@code purpose} ("Exporting to ONNX"):
     * calls {@code onReady} with its interpreter, after the setup dialog when none fitted; calls
     * {@code onUnavailable} with a sentence when the user closed the dialog without one. Call on the FX thread.
     */
    @Override
    public void require(String purpose, Consumer<Path> onReady, Consumer<String> onUnavailable) {
        BackgroundTask.wrap(() -> {
            PythonLocator.Located located = locate();
            EnvironmentCheck check = located.interpreter() == null
                    ? EnvironmentCheck.unusable(null, located.reason())
                    : located.managed() ? ManagedPython.at(locator.managedVenv()).check()
                    : EnvironmentCheck.probe(located.interpreter(), PinnedRequirements.bundled());
            return new Found(located, check);
        }).onSuccess(found -> {
            if (found.check().satisfied()) {
                onReady.accept(found.located().interpreter());
            } else {
                Consumer<Path> ready = found.located().source() == PythonLocator.Source.PREFERENCE
                        ? interpreter -> { // the user chose to set up ours instead of the one chosen before
                            tasks.background(() -> preferences.setInterpreter(java.util.Optional.empty()));
                            onReady.accept(interpreter);
                        }
                        : onReady;
                prompt.offer(locator.managedVenv(), reason(purpose, found), ready,
                        () -> onUnavailable.accept(purpose + " needs Python with torch; it was not set up."));
            }
        }).onFailure(e -> onUnavailable.accept(purpose + " needs Python: " + e.getMessage()))
                .executeWith(tasks);
    }

    private record Found(PythonLocator.Located located, EnvironmentCheck check) {
    }

    private static String reason(String purpose, Found found) {
        String interpreter = found.located().interpreter() == null ? "No Python interpreter was found"
                : "The interpreter " + found.located().interpreter() + " (" + found.located().reason() + ") does "
                        + "not fit";
        String problems = found.check().problems().stream().limit(3).reduce((a, b) -> a + "; " + b).orElse("");
        return purpose + " needs Python with PyTorch. " + interpreter + (problems.isEmpty() ? "." : ": " + problems + ".");
    }
}
