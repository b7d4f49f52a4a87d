package dev.tensorloom.canvas;

import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.PortView;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;

/**
 * Mouse and keyboard gestures of the canvas. While a gesture runs only the views change; when it
 * ends, at most one command is pushed (one MoveNodes per drag, one Connect per wire).
 */
final class CanvasGestures {
    private enum Mode { NONE, MOVE, CONNECT, RUBBER_BAND, PAN }

    /** Zoom factor per wheel unit: a usual notch (40 units) zooms by about 6 %. */
    private static final double WHEEL_ZOOM = 1.0015;
    private static final double PORT_HIT = 9;

    private final GraphCanvas canvas;
    private final GraphViews views;
    private final WirePicker wires;
    private final Rectangle band = new Rectangle();
    private final CubicCurve draft = new CubicCurve();
    private final Tooltip portTip = new Tooltip();

    private Mode mode = Mode.NONE;
    private boolean spaceDown;
    private Point2D pressLocal;
    private double pressPanX;
    private double pressPanY;
    private final Map<String, Point2D> dragStart = new LinkedHashMap<>();
    private boolean moved;
    private Point2D dragDelta = Point2D.ZERO;
    private PortView source;
    private boolean additive;

    CanvasGestures(GraphCanvas canvas, GraphViews views, WirePicker wires) {
        this.canvas = canvas;
        this.views = views;
        this.wires = wires;
        band.getStyleClass().add(CanvasStyles.RUBBER_BAND);
        band.setVisible(false);
        band.setManaged(false);
        band.setMouseTransparent(true);
        draft.getStyleClass().addAll(CanvasStyles.WIRE, CanvasStyles.DRAFT_WIRE);
        draft.setVisible(false);
        draft.setMouseTransparent(true);
    }

    /** The rubber band, drawn in screen space above the graph. */
    Rectangle band() {
        return band;
    }

    /** The wire following the mouse, drawn in canvas space. */
    CubicCurve draft() {
        return draft;
    }

    void install() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        canvas.addEventHandler(KeyEvent.KEY_RELEASED, this::keyReleased);
        canvas.addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        canvas.addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
    }

    /** Whether a mouse gesture (move, wire, rubber band, pan) runs now. */
    boolean running() {
        return mode != Mode.NONE;
    }

    private Point2D local(MouseEvent e) {
        return canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    // ---- mouse ------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        pressLocal = local(e);
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && spaceDown) {
            mode = Mode.PAN;
            pressPanX = canvas.viewport().panXProperty().get();
            pressPanY = canvas.viewport().panYProperty().get();
            canvas.pseudoClassStateChanged(CanvasStyles.PANNING, true);
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        PortView port = ancestor(e.getTarget(), PortView.class);
        NodeView item = ancestor(e.getTarget(), NodeView.class);
        // Blocks and ports lie above the wires, so a wire only takes the presses they leave.
        String wire = port == null && item == null ? wires.wireAt(pressLocal) : null;
        if (port != null && !port.isInput() && port.isConnectable()) {
            startConnect(port);
        } else if (item != null) {
            pressItem(item, e);
        } else if (wire != null) {
            canvas.selectionState().selectWire(wire);
            mode = Mode.NONE;
        } else {
            mode = Mode.RUBBER_BAND;
            additive = e.isShortcutDown() || e.isShiftDown();
            if (!additive) {
                canvas.clearSelection();
            }
        }
        e.consume();
    }

    private void pressItem(NodeView item, MouseEvent e) {
        String id = item.itemId();
        if (e.getClickCount() == 2 && CanvasItems.isCollapsedGroup(canvas.document(), id)) {
            canvas.openGroup(id);
            mode = Mode.NONE;
            return;
        }
        if (e.isShortcutDown() || e.isShiftDown()) {
            canvas.selectionState().toggle(id);
        } else if (!canvas.selection().contains(id)) {
            canvas.select(Set.of(id));
        }
        dragStart.clear();
        for (String selected : canvas.selection()) {
            ItemShape s = views.shape(selected);
            if (s != null) {
                dragStart.put(selected, new Point2D(s.x(), s.y()));
            }
        }
        dragDelta = Point2D.ZERO;
        moved = false;
        mode = dragStart.isEmpty() ? Mode.NONE : Mode.MOVE;
    }

    private void dragged(MouseEvent e) {
        if (pressLocal == null) {
            // A drag whose press went elsewhere (a popup that closed on it, a press before the canvas existed).
            return;
        }
        Point2D now = local(e);
        double dx = now.getX() - pressLocal.getX();
        double dy = now.getY() - pressLocal.getY();
        switch (mode) {
            case MOVE -> {
                double z = canvas.getZoom();
                dragDelta = new Point2D(dx / z, dy / z);
                // Only built views move while dragging; the rest follow when the MoveNodes lands.
                dragStart.forEach((id, start) -> {
                    NodeView v = views.builtItem(id);
                    if (v != null) {
                        v.relocate(start.getX() + dx / z, start.getY() + dy / z);
                        views.rerouteItem(id);
                    }
                });
                moved = moved || dx != 0 || dy != 0;
            }
            case CONNECT -> dragWire(now);
            case RUBBER_BAND -> {
                band.setVisible(true);
                band.setX(Math.min(pressLocal.getX(), now.getX()));
                band.setY(Math.min(pressLocal.getY(), now.getY()));
                band.setWidth(Math.abs(dx));
                band.setHeight(Math.abs(dy));
            }
            case PAN -> {
                canvas.viewport().panXProperty().set(pressPanX + dx);
                canvas.viewport().panYProperty().set(pressPanY + dy);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        switch (mode) {
            case MOVE -> finishMove();
            case CONNECT -> finishConnect(canvas.screenToCanvas(local(e)));
            case RUBBER_BAND -> finishRubberBand(local(e));
            case PAN -> canvas.pseudoClassStateChanged(CanvasStyles.PANNING, false);
            default -> {
                return;
            }
        }
        mode = Mode.NONE;
        e.consume();
    }

    private void finishMove() {
        if (!moved) {
            return;
        }
        Map<String, Position> targets = new LinkedHashMap<>();
        dragStart.forEach((id, start) -> targets.put(id,
                new Position(start.getX() + dragDelta.getX(), start.getY() + dragDelta.getY())));
        CanvasItems.moveCommand(canvas.document(), targets).ifPresent(canvas.editing()::push);
    }

    private void finishRubberBand(Point2D end) {
        band.setVisible(false);
        Point2D a = canvas.screenToCanvas(pressLocal);
        Point2D b = canvas.screenToCanvas(end);
        double minX = Math.min(a.getX(), b.getX());
        double minY = Math.min(a.getY(), b.getY());
        double maxX = Math.max(a.getX(), b.getX());
        double maxY = Math.max(a.getY(), b.getY());
        Set<String> hit = new HashSet<>(additive ? canvas.selection() : Set.of());
        hit.addAll(views.itemsIn(minX, minY, maxX, maxY));
        canvas.select(hit);
    }

    // ---- connecting -------------------------------------------------------------------------

    private void startConnect(PortView port) {
        mode = Mode.CONNECT;
        source = port;
        Function<PortRef, Optional<String>> check =
                canvas.rules().forSource(port.ref(), canvas.connectionCheckProperty().get());
        views.markCandidates(check);
        Point2D start = views.item(port.ref().nodeId()).anchor(port.ref().port(), false);
        WireView.shape(draft, start, start);
        draft.setVisible(true);
    }

    private void dragWire(Point2D screen) {
        Point2D at = canvas.screenToCanvas(screen);
        Point2D start = views.item(source.ref().nodeId()).anchor(source.ref().port(), false);
        WireView.shape(draft, start, at);
        PortView target = inputPortAt(at);
        if (target != null && target.refusal() != null) {
            portTip.setText(target.refusal());
            Point2D onScreen = canvas.localToScreen(screen);
            if (onScreen != null && canvas.getScene() != null && canvas.getScene().getWindow() != null) {
                portTip.show(canvas, onScreen.getX() + 14, onScreen.getY() + 14);
            }
        } else {
            portTip.hide();
        }
    }

    private void finishConnect(Point2D at) {
        PortView target = inputPortAt(at);
        draft.setVisible(false);
        portTip.hide();
        views.clearCandidates();
        if (target != null) {
            canvas.connect(source.ref(), target.ref());
        }
        source = null;
    }

    /** The connectable input port whose dot is under a canvas point, if any. */
    PortView inputPortAt(Point2D at) {
        for (String id : views.itemsIn(at.getX() - PORT_HIT, at.getY() - PORT_HIT, at.getX() + PORT_HIT,
                at.getY() + PORT_HIT)) {
            ItemShape shape = views.shape(id);
            if (shape.group()) {
                continue;
            }
            for (var p : shape.inputs()) {
                if (shape.anchor(p.name(), true).distance(at) <= PORT_HIT) {
                    return views.item(id).inputs().get(p.name());
                }
            }
        }
        return null;
    }

    // ---- wheel and keys ---------------------------------------------------------------------

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            canvas.viewport().zoomAround(canvas.sceneToLocal(e.getSceneX(), e.getSceneY()), Math.pow(WHEEL_ZOOM, e.getDeltaY()));
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean handled = true;
        if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
            canvas.deleteSelection();
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            canvas.zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            canvas.zoomOut();
        } else if (code == KeyCode.SPACE) {
            spaceDown = true;
        } else if (e.isShortcutDown() && code == KeyCode.A) {
            canvas.selectAll();
        } else if (e.isShortcutDown() && code == KeyCode.C) {
            copyToClipboard();
        } else if (e.isShortcutDown() && code == KeyCode.V) {
            Object text = Clipboard.getSystemClipboard().getContent(DataFormat.PLAIN_TEXT);
            canvas.paste(text instanceof String s ? s : "");
        } else if (code == KeyCode.ESCAPE) {
            canvas.clearSelection();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void copyToClipboard() {
        String json = canvas.copySelection();
        if (!json.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(json);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void keyReleased(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE) {
            spaceDown = false;
            e.consume();
        }
    }

    // ---- palette drops ----------------------------------------------------------------------

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasContent(GraphCanvas.BLOCK_TYPE_FORMAT)) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        }
    }

    private void dropped(DragEvent e) {
        Object type = e.getDragboard().getContent(GraphCanvas.BLOCK_TYPE_FORMAT);
        boolean added = false;
        if (type instanceof String typeId) {
            Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            added = canvas.addNode(typeId, canvas.screenToCanvas(local)) != null;
        }
        e.setDropCompleted(added);
        e.consume();
    }

    /** The nearest node of {@code type} at or above an event's target, or null. */
    static <T> T ancestor(Object target, Class<T> type) {
        Node n = target instanceof Node node ? node : null;
        while (n != null) {
            if (type.isInstance(n)) {
                return type.cast(n);
            }
            n = n.getParent();
        }
        return null;
    }
}
