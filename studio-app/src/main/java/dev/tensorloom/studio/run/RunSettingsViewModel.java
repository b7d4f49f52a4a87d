package dev.tensorloom.studio.run;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.model.command.SetTrainingConfig;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.TrainingConfig;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The run panel's settings form: the project's training configuration, each edit one undoable
 * {@link SetTrainingConfig}; a value the form refuses is named in {@link #configErrorProperty}.
 */
public final class RunSettingsViewModel {
    private final Document document;
    private final UndoStack undoStack;
    private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper configError = new ReadOnlyStringWrapper("");

    RunSettingsViewModel(Document document, UndoStack undoStack) {
        this.document = document;
        this.undoStack = undoStack;
        config.set(document.config());
        document.addListener(change -> {
            if (change instanceof DocumentChange.ConfigChanged c) {
                config.set(c.after());
            }
        });
    }

    public void setDataset(String id) {
        edit(c -> c.withDataset(id));
    }

    public void setOptimizer(String name) {
        edit(c -> TrainingConfigEdits.optimizer(c, name));
    }

    public void setLearningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            configError.set("The learning rate must be a positive number");
            return;
        }
        edit(c -> c.withLearningRate(lr));
    }

    public void setSchedule(String schedule) {
        edit(c -> TrainingConfigEdits.schedule(c, schedule));
    }

    public void setWarmupSteps(int steps) {
        if (steps < 0) {
            configError.set("Warm-up steps cannot be negative");
            return;
        }
        edit(c -> TrainingConfigEdits.warmup(c, steps));
    }

    public void setBatchSize(int size) {
        if (size < 1) {
            configError.set("The batch size must be at least 1");
            return;
        }
        edit(c -> c.withBatchSize(size));
    }

    public void setSteps(int steps) {
        if (steps < 1) {
            configError.set("Train at least one step");
            return;
        }
        edit(c -> c.withSteps(steps));
    }

    public void setSeed(long seed) {
        edit(c -> c.withSeed(seed));
    }

    public void setDevice(String device) {
        edit(c -> c.withDevice(device));
    }

    /** The checkpoint policy in its text form ({@code sqrt}, {@code budget:64}…); refused when it does not parse. */
    public void setCheckpointPolicy(String policy) {
        try {
            CheckpointPolicy parsed = CheckpointPolicy.parse(policy);
            edit(c -> c.withCheckpointPolicy(parsed.toString()));
        } catch (IllegalArgumentException e) {
            configError.set(e.getMessage());
        }
    }

    /** One undoable command per change; unchanged values push nothing. */
    private void edit(UnaryOperator<TrainingConfig> change) {
        configError.set("");
        TrainingConfig after = change.apply(document.config());
        if (!after.equals(document.config())) {
            undoStack.push(new SetTrainingConfig(after));
        }
    }

    public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** Why the last configuration edit was refused; empty when it was accepted. */
    public ReadOnlyStringProperty configErrorProperty() {
        return configError.getReadOnlyProperty();
    }
}
