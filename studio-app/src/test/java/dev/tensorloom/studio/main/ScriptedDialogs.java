package dev.tensorloom.studio.main;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} with scripted answers that records what it was asked. */
public final class ScriptedDialogs implements DialogService {
    public final Deque<UnsavedChoice> unsavedAnswers = new ArrayDeque<>();
    public final Deque<Path> filesToOpen = new ArrayDeque<>();
    public final Deque<Path> filesToSave = new ArrayDeque<>();
    public final Deque<Path> weightsFolders = new ArrayDeque<>();
    public final Deque<String> templates = new ArrayDeque<>();
    public final List<String> blockNames = new ArrayList<>();
    public boolean restore;
    /** Answers to {@link #confirm}, in order; no answer left declines. */
    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    @Override
    public UnsavedChoice askToSaveChanges(String projectName) {
        asked.add("save changes to " + projectName);
        return unsavedAnswers.isEmpty() ? UnsavedChoice.CANCEL : unsavedAnswers.pop();
    }

    @Override
    public Optional<Path> chooseWeightsFolder() {
        return Optional.ofNullable(weightsFolders.poll());
    }

    @Override
    public Optional<Path> chooseFileToOpen() {
        return Optional.ofNullable(filesToOpen.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String suggestedName) {
        asked.add("save as " + suggestedName);
        return Optional.ofNullable(filesToSave.poll());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showWarning(String title, String message) {
        warnings.add(message);
    }

    @Override
    public boolean offerRecovery(String description) {
        asked.add("recover");
        return restore;
    }

    @Override
    public Optional<String> askBlockName(String suggested) {
        asked.add("block name " + suggested);
        return blockNames.isEmpty() ? Optional.empty() : Optional.of(blockNames.remove(0));
    }

    @Override
    public boolean confirm(String title, String message) {
        asked.add("confirm " + title);
        return !confirmations.isEmpty() && confirmations.pop();
    }

    @Override
    public Optional<String> chooseTemplate() {
        return Optional.ofNullable(templates.poll());
    }
}
