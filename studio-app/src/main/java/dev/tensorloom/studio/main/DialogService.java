package dev.tensorloom.studio.main;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every question the main window asks the user, behind an interface so the view model's decisions
 * are tested with scripted answers. Anchor: JabRef's {@code DialogService}.
 */
public interface DialogService {
    /** Asked before unsaved changes to {@code projectName} would be lost. */
    UnsavedChoice askToSaveChanges(String projectName);

    Optional<Path> chooseFileToOpen();

    Optional<Path> chooseFileToSave(String suggestedName);

    /** A one-line problem the user should read, for example a located file error. */
    void showError(String title, String message);

    /**
     * Something the user should know that did not stop the action, for example fields a save would drop;
     * shown like an error unless the service says otherwise.
     */
    default void showWarning(String title, String message) {
        showError(title, message);
    }

    /** Asked at start when autosaved work from a session that did not end cleanly is found. */
    boolean offerRecovery(String description);

    /** Shows the template gallery; the chosen template id, or empty when closed. */
    Optional<String> chooseTemplate();

    /** Asks whether to go ahead with something that cannot be undone; false when declined. */
    default boolean confirm(String title, String message) {
        return false;
    }

    /**
     * Asks for a folder of trained weights to start a run from ({@code weights.safetensors} from
     * {@code train.py --save}, {@code tensorloom train --save} or an export); empty when cancelled.
     */
    default Optional<Path> chooseWeightsFolder() {
        return Optional.empty();
    }

    /** Asks what to call a block being saved ({@code suggested} filled in); empty when cancelled. */
    default Optional<String> askBlockName(String suggested) {
        return Optional.empty();
    }
}
