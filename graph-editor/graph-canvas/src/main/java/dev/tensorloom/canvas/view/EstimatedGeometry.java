package dev.tensorloom.canvas.view;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import javafx.geometry.Dimension2D;

/** Item sizes guessed from port counts, for layout and fitting before the views exist. */
public final class EstimatedGeometry implements NodeGeometry {
    public static final double WIDTH = 170;
    public static final double HEADER = 46;
    public static final double PORT_ROW = 20;

    private final Document doc;
    private final BlockCatalog catalog;

    public EstimatedGeometry(Document doc, BlockCatalog catalog) {
        this.doc = doc;
        this.catalog = catalog;
    }

    @Override
    public Dimension2D size(String itemId) {
        int rows = doc.node(itemId).flatMap(n -> catalog.find(n.type()))
                .map(t -> Math.max(t.inputs().size(), t.outputs().size())).orElse(1);
        return new Dimension2D(WIDTH, HEADER + PORT_ROW * Math.max(1, rows));
    }

    @Override
    public double x(String itemId) {
        return CanvasItems.position(doc, itemId).x();
    }

    @Override
    public double y(String itemId) {
        return CanvasItems.position(doc, itemId).y();
    }
}
