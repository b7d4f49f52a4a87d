package dev.tensorloom.canvas.overview;

import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.ItemShape;
import java.nio.IntBuffer;
import java.util.List;
import java.util.Set;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The graph as seen from far away: when zoomed out past the level where text is readable, node
 * boxes and straight wires are drawn into one screen-sized bitmap ({@link OverviewRaster}), shown
 * 1:1 on whole screen pixels by an {@link ImageView} in screen space, not inside the zoomed world.
 * That placement is the point: JavaFX's software renderer copies such a bitmap in about a
 * millisecond but filters every pixel of one that is scaled or sits between pixels (9 to 15 ms a
 * frame for a full screen, measured), so the bitmap is redrawn for every new pan or zoom instead of
 * being moved or scaled, and is sharp at every frame.
 *
 * <p>Its colours are its own CSS properties, set on {@link CanvasStyles#OVERVIEW} in the canvas stylesheet:
 * {@code -tl-overview-node-fill}, {@code -tl-overview-selected-stroke}, {@code -tl-overview-wire-stroke} and
 * {@code -tl-overview-selected-wire-stroke}. A theme switch restyles them, and any change repaints the bitmap
 * at the next layout pass, even when nothing moved.
 */
public final class OverviewLayer extends Group {
    /**
     * Below this zoom big graphs show the overview instead of node views: the level-of-detail
     * switch. At 0.5 a title is 6 px high, hardly readable, while a 1280×800 viewport already
     * holds about 150 views of a laid-out network; each costs about 0.6 ms of CSS and layout to
     * build, so zooming out further with views would mean hundreds of them per screen for text
     * nobody can read. The bitmap costs the same at any zoom.
     */
    public static final double DETAIL_ZOOM = 0.5;
    /**
     * Graphs up to this many items always show their views: a fitted 40-block model stays a
     * picture of blocks and wires, and its views are few enough to be cheap at any zoom.
     */
    public static final int SMALL_GRAPH = 80;
    /** Width of a selected block's outline, in screen pixels. */
    public static final int SELECTION_WIDTH = 2;
    /** Width of the selected wire, in screen pixels: the other wires are one pixel wide. */
    public static final int SELECTED_WIRE_WIDTH = 3;

    private static final StyleablePropertyFactory<OverviewLayer> CSS =
            new StyleablePropertyFactory<>(Group.getClassCssMetaData());
    // The defaults only show before the stylesheet applies, or in an application that leaves it out.
    private static final CssMetaData<OverviewLayer, Color> NODE_FILL =
            CSS.createColorCssMetaData("-tl-overview-node-fill", o -> o.nodeFill, Color.DARKGRAY, false);
    private static final CssMetaData<OverviewLayer, Color> SELECTED_STROKE =
            CSS.createColorCssMetaData("-tl-overview-selected-stroke", o -> o.selectedStroke, Color.DODGERBLUE, false);
    private static final CssMetaData<OverviewLayer, Color> WIRE_STROKE =
            CSS.createColorCssMetaData("-tl-overview-wire-stroke", o -> o.wireStroke, Color.GRAY, false);
    private static final CssMetaData<OverviewLayer, Color> SELECTED_WIRE_STROKE = CSS.createColorCssMetaData(
            "-tl-overview-selected-wire-stroke", o -> o.selectedWireStroke, Color.DODGERBLUE, false);

    private final StyleableObjectProperty<Color> nodeFill = colour(NODE_FILL, "nodeFill");
    private final StyleableObjectProperty<Color> selectedStroke = colour(SELECTED_STROKE, "selectedStroke");
    private final StyleableObjectProperty<Color> wireStroke = colour(WIRE_STROKE, "wireStroke");
    private final StyleableObjectProperty<Color> selectedWireStroke =
            colour(SELECTED_WIRE_STROKE, "selectedWireStroke");
    private final ImageView image = new ImageView();
    private OverviewRaster raster;
    private PixelBuffer<IntBuffer> buffer;
    /** Boxes of the shown items as x, y, width, height in canvas units; rebuilt after graph changes. */
    private double[] boxes = new double[0];
    /** Wires as x0, y0, x1, y1 in canvas units, between the items' stored places. */
    private double[] segments = new double[0];
    private boolean geometryDirty = true;
    private boolean dirty = true;
    private double paintedPanX;
    private double paintedPanY;
    private double paintedZoom;
    private double paintedScale;
    private int paints;

    public OverviewLayer() {
        getStyleClass().add(CanvasStyles.OVERVIEW);
        image.setSmooth(false);
        getChildren().add(image);
        setMouseTransparent(true);
        setManaged(false);
        setAutoSizeChildren(false);
    }

    /** A colour property that repaints the bitmap when a stylesheet (a theme switch) changes it. */
    private StyleableObjectProperty<Color> colour(CssMetaData<OverviewLayer, Color> css, String name) {
        StyleableObjectProperty<Color> p =
                new SimpleStyleableObjectProperty<>(css, this, name, css.getInitialValue(this));
        p.addListener(obs -> repaint());
        return p;
    }

    /** The CSS properties of this class: those of a {@link Group} and the four colours. */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** Fill of the blocks ({@code -tl-overview-node-fill}). */
    public StyleableObjectProperty<Color> nodeFillProperty() {
        return nodeFill;
    }

    /** Outline of the selected blocks ({@code -tl-overview-selected-stroke}). */
    public StyleableObjectProperty<Color> selectedStrokeProperty() {
        return selectedStroke;
    }

    /** Colour of the wires ({@code -tl-overview-wire-stroke}). */
    public StyleableObjectProperty<Color> wireStrokeProperty() {
        return wireStroke;
    }

    /** Colour of the selected wire ({@code -tl-overview-selected-wire-stroke}). */
    public StyleableObjectProperty<Color> selectedWireStrokeProperty() {
        return selectedWireStroke;
    }

    /**
     * Something drawn changed but no geometry did (a colour, the selected wire): the bitmap is drawn again at
     * the next layout pass, which this asks for, even if nothing moves.
     */
    public void repaint() {
        dirty = true;
        if (getParent() != null) {
            getParent().requestLayout();
        }
    }

    /** The graph changed (items, wires or selection): redraw on the next update. */
    public void markDirty() {
        geometryDirty = true;
        dirty = true;
    }

    /** How often the bitmap was drawn (tests, benchmark). */
    public int paints() {
        return paints;
    }

    /** The node that shows the bitmap (tests: it must sit on whole pixels, unscaled). */
    public ImageView image() {
        return image;
    }

    /** The pixels drawn last, or null before the first update (tests). */
    public OverviewRaster raster() {
        return raster;
    }

    /**
     * Draws the graph as the canvas shows it: a canvas point p lands on screen at pan + zoom × p, and
     * the screen is {@code width} × {@code height} logical pixels of {@code outputScale} device
     * pixels each. Does nothing when neither the view nor the graph changed since the last call.
     */
    public void update(GraphViews views, Set<String> selection, String selectedWire, double panX, double panY,
            double zoom, double width, double height, double outputScale) {
        int w = (int) Math.ceil(width * outputScale);
        int h = (int) Math.ceil(height * outputScale);
        if (w <= 0 || h <= 0) {
            return;
        }
        boolean resized = raster == null || raster.width() != w || raster.height() != h;
        boolean moved = panX != paintedPanX || panY != paintedPanY || zoom != paintedZoom
                || outputScale != paintedScale;
        if (!resized && !moved && !dirty) {
            return;
        }
        if (geometryDirty) {
            collect(views);
            geometryDirty = false;
        }
        if (resized) {
            raster = new OverviewRaster(w, h);
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(buffer));
            // On a high-density screen the bitmap has device pixels: shown at logical size, it maps 1:1.
            image.setFitWidth(w / outputScale);
            image.setFitHeight(h / outputScale);
        }
        paint(views, selection, selectedWire, panX * outputScale, panY * outputScale, zoom * outputScale);
        buffer.updateBuffer(b -> null);
        paintedPanX = panX;
        paintedPanY = panY;
        paintedZoom = zoom;
        paintedScale = outputScale;
        dirty = false;
    }

    /** Copies every shown item's box and every wire's two ends into flat arrays, read at every frame. */
    private void collect(GraphViews views) {
        boxes = new double[views.itemIds().size() * 4];
        int i = 0;
        for (ItemShape s : views.shapes()) {
            boxes[i++] = s.x();
            boxes[i++] = s.y();
            boxes[i++] = s.width();
            boxes[i++] = s.height();
        }
        Bounds all = views.contentBounds();
        if (all == null) {
            segments = new double[0];
            return;
        }
        // Each wire gives at most one segment (none when both ends sit in one collapsed group).
        double[] ends = new double[views.wireIds().size() * 4];
        int[] n = {0};
        views.forEachWireIn(all, (a, b) -> {
            ends[n[0]++] = a.getX();
            ends[n[0]++] = a.getY();
            ends[n[0]++] = b.getX();
            ends[n[0]++] = b.getY();
        });
        segments = java.util.Arrays.copyOf(ends, n[0]);
    }

    private void paint(GraphViews views, Set<String> selection, String selectedWire, double panX, double panY,
            double zoom) {
        paints++;
        raster.clear();
        int w = raster.width();
        int h = raster.height();
        int wire = argb(wireStroke.get());
        for (int i = 0; i < segments.length; i += 4) {
            double x0 = panX + zoom * segments[i];
            double y0 = panY + zoom * segments[i + 1];
            double x1 = panX + zoom * segments[i + 2];
            double y1 = panY + zoom * segments[i + 3];
            if (Math.max(x0, x1) >= 0 && Math.min(x0, x1) < w && Math.max(y0, y1) >= 0 && Math.min(y0, y1) < h) {
                raster.line(x0, y0, x1, y1, wire);
            }
        }
        Point2D[] chosen = selectedWire == null ? null : views.wireSegment(selectedWire);
        if (chosen != null) {
            // Over the other wires, under the blocks: where the normal views draw it too.
            raster.thickLine(panX + zoom * chosen[0].getX(), panY + zoom * chosen[0].getY(),
                    panX + zoom * chosen[1].getX(), panY + zoom * chosen[1].getY(), SELECTED_WIRE_WIDTH,
                    argb(selectedWireStroke.get()));
        }
        int node = argb(nodeFill.get());
        for (int i = 0; i < boxes.length; i += 4) {
            double x0 = panX + zoom * boxes[i];
            double y0 = panY + zoom * boxes[i + 1];
            double x1 = x0 + zoom * boxes[i + 2];
            double y1 = y0 + zoom * boxes[i + 3];
            if (x1 >= 0 && x0 < w && y1 >= 0 && y0 < h) {
                raster.fillBox(x0, y0, x1, y1, node);
            }
        }
        int selected = argb(selectedStroke.get());
        for (String id : selection) {
            ItemShape s = views.shape(id);
            if (s != null) {
                double x0 = panX + zoom * s.x();
                double y0 = panY + zoom * s.y();
                raster.strokeBox(x0, y0, x0 + zoom * s.width(), y0 + zoom * s.height(), SELECTION_WIDTH, selected);
            }
        }
    }

    private static int argb(Color c) {
        Color colour = c == null ? Color.TRANSPARENT : c;
        return OverviewRaster.premultiplied(colour.getRed(), colour.getGreen(), colour.getBlue(), colour.getOpacity());
    }
}
