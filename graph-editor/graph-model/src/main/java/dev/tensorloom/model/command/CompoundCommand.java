package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import java.util.List;
import java.util.Objects;

/**
 * Several commands that make one gesture (for example "insert node on wire": disconnect, add,
 * connect twice). Executed in order, undone in reverse; if one fails, the ones already done are
 * undone so the document is unchanged, and the failure propagates.
 */
public final class CompoundCommand implements Command {
    private final String description;
    private final List<Command> steps;

    public CompoundCommand(String description, List<? extends Command> steps) {
        this.description = Objects.requireNonNull(description, "description");
        this.steps = List.copyOf(steps);
    }

    public List<Command> steps() {
        return steps;
    }

    @Override
    public void execute(Document doc) {
        for (int i = 0; i < steps.size(); i++) {
            try {
                steps.get(i).execute(doc);
            } catch (RuntimeException | Error e) {
                for (int j = i - 1; j >= 0; j--) {
                    steps.get(j).undo(doc);
                }
                throw e;
            }
        }
    }

    @Override
    public void undo(Document doc) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            steps.get(i).undo(doc);
        }
    }

    @Override
    public void redo(Document doc) {
        for (Command step : steps) {
            step.redo(doc);
        }
    }

    @Override
    public String description() {
        return description;
    }
}
