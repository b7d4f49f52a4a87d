package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.Objects;

/** Draws a wire from an output port to an input port; refused (document unchanged) for cycles or a fed input. */
public final class Connect extends RecordedCommand {
    private final PortRef from;
    private final PortRef to;
    private String wireId;

    /** Connects with a fresh wire id chosen when the command first runs. */
    public Connect(PortRef from, PortRef to) {
        this(null, from, to);
    }

    /** Connects with a given wire id. */
    public Connect(String wireId, PortRef from, PortRef to) {
        this.wireId = wireId;
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    @Override
    protected void perform(Document doc) {
        if (wireId == null) {
            wireId = doc.freshId("w");
        }
        doc.addWire(new Wire(wireId, from, to));
    }

    /** The id of the new wire; null until executed when none was given. */
    public String wireId() {
        return wireId;
    }

    @Override
    public String description() {
        return "Connect " + from + " → " + to;
    }
}
