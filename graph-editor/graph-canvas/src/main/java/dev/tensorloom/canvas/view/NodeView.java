package dev.tensorloom.canvas.view;

import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.PortRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * One item on the canvas: a block (title, badges, typed ports, inferred output shapes) or a
 * collapsed group. Deliberately light — plain Text and Region children laid out by hand, no
 * controls — so thousands of them stay cheap; pan and zoom never touch it (they transform its parent).
 */
public final class NodeView extends Region {
    public static final double WIDTH = 170;
    public static final double HEADER = 46;
    public static final double ROW = 20;
    public static final double PAD = 8;

    private final String itemId;
    private final Text title = new Text();
    private final Text paramsBadge = new Text();
    private final Text memoryBadge = new Text();
    private final Map<String, PortView> inputs = new LinkedHashMap<>();
    private final Map<String, PortView> outputs = new LinkedHashMap<>();
    private final Map<String, Text> inputNames = new LinkedHashMap<>();
    private final Map<String, Text> outputNames = new LinkedHashMap<>();
    private final Map<String, Text> outputShapes = new LinkedHashMap<>();
    private String stateClass;
    private Tooltip problemTip;
    /** How often this view was patched after it was built; lets tests check that edits patch only their node. */
    private int patches;

    public NodeView(String itemId, String nodeIdForPorts, String titleText, List<PortSpec> ins, List<PortSpec> outs,
            boolean group) {
        this.itemId = itemId;
        // Stable handles for UI tests: a CSS-safe id and the raw id in the user data.
        setId(CanvasStyles.nodeViewId(itemId));
        setUserData(CanvasStyles.nodeUserData(itemId));
        getStyleClass().add(CanvasStyles.NODE);
        if (group) {
            getStyleClass().add(CanvasStyles.GROUP_NODE);
        }
        title.getStyleClass().add(CanvasStyles.NODE_TITLE);
        paramsBadge.getStyleClass().add(CanvasStyles.BADGE);
        memoryBadge.getStyleClass().add(CanvasStyles.BADGE);
        title.setText(titleText);
        getChildren().addAll(title, paramsBadge, memoryBadge);
        for (PortSpec p : ins) {
            PortView port = new PortView(new PortRef(nodeIdForPorts, p.name()), true, p.dtype(), !group);
            inputs.put(p.name(), port);
            Text name = text(p.name(), CanvasStyles.PORT_LABEL);
            inputNames.put(p.name(), name);
            getChildren().addAll(port, name);
        }
        for (PortSpec p : outs) {
            PortView port = new PortView(new PortRef(nodeIdForPorts, p.name()), false, p.dtype(), !group);
            outputs.put(p.name(), port);
            Text name = text(p.name(), CanvasStyles.PORT_LABEL);
            Text shape = text("", CanvasStyles.SHAPE_LABEL);
            outputNames.put(p.name(), name);
            outputShapes.put(p.name(), shape);
            getChildren().addAll(port, name, shape);
        }
        resize(WIDTH, heightFor(ins.size(), outs.size()));
        // Drawn once into a bitmap: pans then copy bitmaps instead of rendering text again.
        setCache(true);
    }

    public static double heightFor(int inputs, int outputs) {
        return HEADER + ROW * Math.max(1, Math.max(inputs, outputs));
    }

    private static Text text(String value, String styleClass) {
        Text t = new Text(value);
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.CENTER);
        return t;
    }

    public String itemId() {
        return itemId;
    }

    public int patches() {
        return patches;
    }

    public Map<String, PortView> inputs() {
        return inputs;
    }

    public Map<String, PortView> outputs() {
        return outputs;
    }

    public String titleText() {
        return title.getText();
    }

    public String shapeText(String outputPort) {
        Text t = outputShapes.get(outputPort);
        return t == null ? null : t.getText();
    }

    /** Where a wire attaches, in canvas units; a port this view lacks (a collapsed group's member port) uses the first. */
    public Point2D anchor(String port, boolean input) {
        // Computed from the row, not from the port's layout, so wires are right before the first layout pass.
        Map<String, PortView> ports = input ? inputs : outputs;
        int row = ports.isEmpty() ? -1 : Math.max(0, List.copyOf(ports.keySet()).indexOf(port));
        double y = row < 0 ? HEADER / 2 : HEADER + ROW * row + ROW / 2;
        return new Point2D(getLayoutX() + (input ? 0 : WIDTH), getLayoutY() + y);
    }

    public void patchTitle(String text) {
        patches++;
        title.setText(text);
    }

    public void patchPosition(double x, double y) {
        patches++;
        relocate(x, y);
    }

    public void setSelected(boolean selected) {
        pseudoClassStateChanged(CanvasStyles.SELECTED, selected);
    }

    /** Draws the block with the marked outline ({@link CanvasStyles#MARKED}) or without it. */
    public void setMarked(boolean marked) {
        pseudoClassStateChanged(CanvasStyles.MARKED, marked);
    }

    /** Shows badges, output shapes and problems; null clears them. */
    public void annotate(NodeAnnotation a) {
        NodeAnnotation shown = a == null ? NodeAnnotation.NONE : a;
        paramsBadge.setText(shown.paramsBadge());
        memoryBadge.setText(shown.memoryBadge());
        outputShapes.forEach((port, text) -> text.setText(shown.outputShapes().getOrDefault(port, "")));
        pseudoClassStateChanged(CanvasStyles.PROBLEM, shown.hasProblems());
        if (shown.hasProblems()) {
            if (problemTip == null) {
                problemTip = new Tooltip();
                Tooltip.install(this, problemTip);
            }
            problemTip.setText(String.join("\n", shown.problems()));
        } else if (problemTip != null) {
            Tooltip.uninstall(this, problemTip);
            problemTip = null;
        }
        requestLayout();
    }

    /** Sets the memory-replay state class ({@code state-kept}…); null removes it. */
    public void setState(String state) {
        String next = state == null ? null : CanvasStyles.stateClass(state);
        if (next != null && next.equals(stateClass)) {
            return;
        }
        if (stateClass != null) {
            getStyleClass().remove(stateClass);
        }
        stateClass = next;
        if (next != null) {
            getStyleClass().add(next);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        title.relocate(PAD, PAD - title.getLayoutBounds().getMinY());
        // Badges sit on their own line under the title, placed by their top edge like the title, so they
        // never overlap it whatever the fonts' ascents are.
        double badgeTop = PAD + title.getLayoutBounds().getHeight() + 2;
        paramsBadge.relocate(PAD, badgeTop - paramsBadge.getLayoutBounds().getMinY());
        memoryBadge.relocate(w - PAD - memoryBadge.getLayoutBounds().getWidth(),
                badgeTop - memoryBadge.getLayoutBounds().getMinY());
        int row = 0;
        for (Map.Entry<String, PortView> e : inputs.entrySet()) {
            double cy = HEADER + ROW * row++ + ROW / 2;
            e.getValue().relocate(-PortView.SIZE / 2, cy - PortView.SIZE / 2);
            Text name = inputNames.get(e.getKey());
            name.setLayoutX(PAD + 2);
            name.setLayoutY(cy);
        }
        row = 0;
        for (Map.Entry<String, PortView> e : outputs.entrySet()) {
            double cy = HEADER + ROW * row++ + ROW / 2;
            e.getValue().relocate(w - PortView.SIZE / 2, cy - PortView.SIZE / 2);
            Text name = outputNames.get(e.getKey());
            double nameX = w - PAD - 2 - name.getLayoutBounds().getWidth();
            name.setLayoutX(nameX);
            name.setLayoutY(cy);
            Text shape = outputShapes.get(e.getKey());
            shape.setLayoutX(nameX - 6 - shape.getLayoutBounds().getWidth());
            shape.setLayoutY(cy);
        }
    }
}
