package dev.tensorloom.canvas;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Dimension2D;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Left-to-right layout of the shown items with ELK layered: items become ELK nodes of their
 * on-screen size, wires between different items become edges. {@link #compute} touches neither the
 * document nor JavaFX, so it may run on a background thread. ELK recurses as deep as the graph is
 * long (its component search is a recursive DFS), so run it on a thread with a large stack.
 */
final class ElkAutoLayout {
    static final double LAYER_GAP = 70;
    static final double NODE_GAP = 28;
    /** Above this many items the layout trades some quality for speed. */
    static final int LARGE = 1000;
    /** Width over height the rows of a wrapped big graph aim at (a wide screen). */
    static final double WRAP_ASPECT = 1.6;

    /** What ELK needs, copied from the document on the FX thread. */
    record Input(Map<String, Dimension2D> sizes, List<String[]> edges) { }

    private static volatile boolean registered;

    private ElkAutoLayout() {
    }

    /** Lays out the document's shown items; returns the new top-left position of every item. */
    static Map<String, Position> layout(Document doc, NodeGeometry geometry) {
        return compute(input(doc, geometry));
    }

    static Input input(Document doc, NodeGeometry geometry) {
        Map<String, Dimension2D> sizes = new LinkedHashMap<>();
        for (String id : CanvasItems.visibleIds(doc)) {
            sizes.put(id, geometry.size(id));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> edges = new ArrayList<>();
        for (Wire w : doc.wires()) {
            String from = CanvasItems.ownerOf(doc, doc.requireNode(w.from().nodeId()));
            String to = CanvasItems.ownerOf(doc, doc.requireNode(w.to().nodeId()));
            if (!from.equals(to) && seen.add(from + "\u0000" + to)) {
                edges.add(new String[] {from, to});
            }
        }
        return new Input(sizes, edges);
    }

    static Map<String, Position> compute(Input input) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_GAP);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, LAYER_GAP);
        if (input.sizes().size() > LARGE) {
            // Big graphs: cheaper layering, one crossing-minimisation sweep and simple placement cut
            // ELK's time several-fold on 5,000 nodes; small graphs get its full effort. Wrapping
            // folds the long layer sequence of a deep network into rows of about the screen's
            // aspect, instead of one strip a million units wide that no zoom level can show.
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.SIMPLE);
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
            root.setProperty(LayeredOptions.ASPECT_RATIO, WRAP_ASPECT);
        }
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        input.sizes().forEach((id, size) -> {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(id);
            n.setDimensions(size.getWidth(), size.getHeight());
            nodes.put(id, n);
        });
        for (String[] e : input.edges()) {
            ElkGraphUtil.createSimpleEdge(nodes.get(e[0]), nodes.get(e[1]));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Position> placed = new LinkedHashMap<>();
        nodes.forEach((id, n) -> placed.put(id, new Position(Math.rint(n.getX()), Math.rint(n.getY()))));
        return placed;
    }

    private static void register() {
        if (!registered) {
            synchronized (ElkAutoLayout.class) {
                if (!registered) {
                    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                    registered = true;
                }
            }
        }
    }
}
