package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import java.util.Objects;

/** Removes one wire. */
public final class Disconnect extends RecordedCommand {
    private final String wireId;

    public Disconnect(String wireId) {
        this.wireId = Objects.requireNonNull(wireId, "wireId");
    }

    @Override
    protected void perform(Document doc) {
        doc.removeWire(wireId);
    }

    @Override
    public String description() {
        return "Disconnect " + wireId;
    }
}
