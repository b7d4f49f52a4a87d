package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import java.util.Objects;

/** Replaces the training configuration as a whole (one inspector edit, one undo step). */
public final class SetTrainingConfig extends RecordedCommand {
    private final TrainingConfig config;

    public SetTrainingConfig(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void perform(Document doc) {
        doc.setConfig(config);
    }

    @Override
    public String description() {
        return "Change training settings";
    }
}
