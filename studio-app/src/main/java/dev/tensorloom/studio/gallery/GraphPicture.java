package dev.tensorloom.studio.gallery;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;

/**
 * A still picture of a graph: one box per node with its label, one curve per wire, scaled to fit
 * the region. Used for gallery cards and as the editor's stand-in until the canvas control arrives.
 * Colours come from the stylesheet through the style classes below.
 */
public class GraphPicture extends Region {
    public static final String STYLE_CLASS = "graph-picture";
    public static final String NODE_CLASS = "graph-picture-node";
    public static final String LABEL_CLASS = "graph-picture-label";
    public static final String WIRE_CLASS = "graph-picture-wire";
    /** The box standing for the hidden middle of a condensed big graph. */
    public static final String ELLIPSIS_CLASS = "graph-picture-ellipsis";
    public static final String SELECTED_CLASS = "selected";
    static final double NODE_WIDTH = 150;
    static final double NODE_HEIGHT = 44;
    private static final double MARGIN = 20;

    private final Group content = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Map<String, Rectangle> boxes = new HashMap<>();
    private final Map<String, Position> positions = new HashMap<>();
    private double minX;
    private double minY;
    private double contentWidth;
    private double contentHeight;
    private double maxScale = 1.0;
    private double foldAspect;

    public GraphPicture() {
        getStyleClass().add(STYLE_CLASS);
        content.getTransforms().add(scale);
        getChildren().add(content);
        // Wires between folded rows bend outside the boxes' area; the picture never draws past its edge.
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** A picture that never enlarges past {@code maxScale} (cards shrink big graphs, never blow up tiny ones). */
    public GraphPicture maxScale(double value) {
        maxScale = value;
        return this;
    }

    /**
     * Folds graphs wider than {@code aspect} (width / height) into rows, for small pictures; such
     * pictures also condense graphs of more than {@link GraphSummary#MAX_NODES} nodes (see
     * {@link GraphSummary}), so a 300-block chain reads as a few labelled blocks and an ellipsis.
     */
    public GraphPicture foldWiderThan(double aspect) {
        foldAspect = aspect;
        return this;
    }

    /** Redraws the whole graph. */
    public void show(Document full) {
        Document doc = foldAspect > 0 ? GraphSummary.of(full) : full;
        content.getChildren().clear();
        boxes.clear();
        positions.clear();
        positions.putAll(foldAspect > 0 ? GraphLayout.folded(doc, foldAspect) : GraphLayout.positions(doc));
        minX = positions.values().stream().mapToDouble(Position::x).min().orElse(0);
        minY = positions.values().stream().mapToDouble(Position::y).min().orElse(0);
        double maxX = positions.values().stream().mapToDouble(Position::x).max().orElse(0);
        double maxY = positions.values().stream().mapToDouble(Position::y).max().orElse(0);
        contentWidth = maxX - minX + NODE_WIDTH + 2 * MARGIN;
        contentHeight = maxY - minY + NODE_HEIGHT + 2 * MARGIN;
        for (Wire w : doc.wires()) {
            content.getChildren().add(wire(w));
        }
        for (Node n : doc.nodes()) {
            Position p = at(n.id());
            Rectangle box = new Rectangle(p.x(), p.y(), NODE_WIDTH, NODE_HEIGHT);
            box.setArcWidth(10);
            box.setArcHeight(10);
            box.getStyleClass().add(NODE_CLASS);
            boolean ellipsis = GraphSummary.isEllipsis(n);
            if (ellipsis) {
                box.getStyleClass().add(ELLIPSIS_CLASS);
                box.getStrokeDashArray().setAll(6.0, 4.0);
            }
            Text label = new Text(p.x() + 10, p.y() + NODE_HEIGHT / 2 + 5, ellipsis ? n.label() : n.label() + "  " + n.type());
            label.getStyleClass().add(LABEL_CLASS);
            label.setMouseTransparent(true);
            boxes.put(n.id(), box);
            content.getChildren().addAll(box, label);
        }
        requestLayout();
    }

    /** Marks the boxes of these nodes selected (the stylesheet decides how that looks). */
    public void markSelected(java.util.Collection<String> ids) {
        boxes.forEach((id, box) -> {
            box.getStyleClass().remove(SELECTED_CLASS);
            if (ids.contains(id)) {
                box.getStyleClass().add(SELECTED_CLASS);
            }
        });
    }

    /** The node drawn at a point in this region's coordinates. */
    public Optional<String> nodeAt(double x, double y) {
        return boxes.entrySet().stream()
                .filter(e -> e.getValue().contains(content.parentToLocal(x, y)))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Current picture scale: canvas units to pixels. */
    public double pictureScale() {
        return scale.getX();
    }

    private Position at(String id) {
        Position p = positions.getOrDefault(id, Position.ORIGIN);
        return new Position(p.x() - minX + MARGIN, p.y() - minY + MARGIN);
    }

    private CubicCurve wire(Wire w) {
        Position a = at(w.from().nodeId());
        Position b = at(w.to().nodeId());
        double sx = a.x() + NODE_WIDTH;
        double sy = a.y() + NODE_HEIGHT / 2;
        double ex = b.x();
        double ey = b.y() + NODE_HEIGHT / 2;
        // A wire back to the start of the next folded row bends only within the margin: a bend of half its length
        // sent it far past the picture's edge, where it was cut off and made the thumbnail look clipped.
        double bend = ex >= sx ? Math.max(40, (ex - sx) / 2) : MARGIN;
        CubicCurve c = new CubicCurve(sx, sy, sx + bend, sy, ex - bend, ey, ex, ey);
        c.getStyleClass().add(WIRE_CLASS);
        c.setMouseTransparent(true);
        return c;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (contentWidth <= 0 || w <= 0 || h <= 0) {
            return;
        }
        double s = Math.min(maxScale, Math.min(w / contentWidth, h / contentHeight));
        scale.setX(s);
        scale.setY(s);
        content.setLayoutX((w - contentWidth * s) / 2);
        content.setLayoutY((h - contentHeight * s) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 180;
    }
}
