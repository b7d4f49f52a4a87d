package dev.tensorloom.canvas.view;

import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;

/**
 * Where one shown item sits and which ports it has, without a view: the canvas keeps one per item
 * so that culling, wires, the overview and the minimap work for items whose {@link NodeView} was
 * never built. Sizes follow the same rules as {@link NodeView}, so both always agree.
 */
public final class ItemShape {
    private final String id;
    private String title;
    private final List<PortSpec> inputs;
    private final List<PortSpec> outputs;
    private final boolean group;
    /** For a collapsed group: the port a crossing wire attaches to, by the wire's source (see GroupPorts). */
    private final Map<PortRef, String> inputFor;
    private final Map<PortRef, String> outputFor;
    private double x;
    private double y;

    public ItemShape(String id, String title, List<PortSpec> inputs, List<PortSpec> outputs, boolean group, double x,
            double y) {
        this(id, title, inputs, outputs, group, Map.of(), Map.of(), x, y);
    }

    /** A collapsed group's shape: its ports, and which port each crossing wire attaches to by its source. */
    public ItemShape(String id, String title, List<PortSpec> inputs, List<PortSpec> outputs, boolean group,
            Map<PortRef, String> inputFor, Map<PortRef, String> outputFor, double x, double y) {
        this.inputFor = Map.copyOf(inputFor);
        this.outputFor = Map.copyOf(outputFor);
        this.id = id;
        this.title = title;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.group = group;
        this.x = x;
        this.y = y;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public List<PortSpec> inputs() {
        return inputs;
    }

    public List<PortSpec> outputs() {
        return outputs;
    }

    public boolean group() {
        return group;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double width() {
        return NodeView.WIDTH;
    }

    public double height() {
        return NodeView.heightFor(inputs.size(), outputs.size());
    }

    public void retitle(String text) {
        title = text;
    }

    public void moveTo(double newX, double newY) {
        x = newX;
        y = newY;
    }

    /**
     * The port of this item a wire attaches to: a node's own port; for a collapsed group, the port standing
     * for the wire's source (inside or outside the group).
     */
    public String portFor(Wire w, boolean input) {
        if (!group) {
            return input ? w.to().port() : w.from().port();
        }
        String port = (input ? inputFor : outputFor).get(w.from());
        return port == null ? "" : port;
    }

    /** Where a wire attaches at this item's stored position. */
    public Point2D anchor(String port, boolean input) {
        return anchorAt(x, y, input ? inputs : outputs, port, input);
    }

    /**
     * Where a wire attaches to an item whose top-left corner is at (left, top): the middle of the
     * port's row; a port the item lacks (a collapsed group's member port) uses the first row.
     */
    public static Point2D anchorAt(double left, double top, List<PortSpec> ports, String port, boolean input) {
        int row = ports.isEmpty() ? -1 : 0;
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(port)) {
                row = i;
                break;
            }
        }
        double dy = row < 0 ? NodeView.HEADER / 2 : NodeView.HEADER + NodeView.ROW * row + NodeView.ROW / 2;
        return new Point2D(left + (input ? 0 : NodeView.WIDTH), top + dy);
    }
}
