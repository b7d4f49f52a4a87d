package dev.tensorloom.canvas.layout;

import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.canvas.view.NodeGeometry;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.geometry.Dimension2D;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
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
public final class ElkAutoLayout {
    public static final double LAYER_GAP = 70;
    public static final double NODE_GAP = 28;
    /** Above this many items the layout trades some quality for speed. */
    public static final int LARGE = 1000;
    /** Width over height the rows of a wrapped big graph aim at (a wide screen). */
    public static final double WRAP_ASPECT = 1.6;
    /** Size and repetitions of the warm-up layout: enough calls for the JIT to compile ELK's hot loops. */
    public static final int WARM_UP_BLOCKS = 150;
    public static final int WARM_UP_ROUNDS = 3;

    /** What ELK needs, copied from the document on the FX thread. */
    public record Input(Map<String, Dimension2D> sizes, List<String[]> edges) { }

    private static volatile boolean registered;

    private ElkAutoLayout() {
    }

    /** Lays out the document's shown items; returns the new top-left position of every item. */
    public static Map<String, Position> layout(Document doc, NodeGeometry geometry) {
        return layout(doc, null, geometry);
    }

    /** Lays out the items shown from {@code scope} (null: the top level). */
    public static Map<String, Position> layout(Document doc, String scope, NodeGeometry geometry) {
        return compute(input(doc, scope, geometry));
    }

    public static Input input(Document doc, NodeGeometry geometry) {
        return input(doc, null, geometry);
    }

    /** ELK's input for the items shown from {@code scope}, copied on the FX thread. */
    public static Input input(Document doc, String scope, NodeGeometry geometry) {
        Map<String, Dimension2D> sizes = new LinkedHashMap<>();
        for (String id : CanvasItems.visibleIds(doc, scope)) {
            sizes.put(id, geometry.size(id));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> edges = new ArrayList<>();
        for (Wire w : doc.wires()) {
            String from = CanvasItems.ownerOf(doc, doc.requireNode(w.from().nodeId()), scope);
            String to = CanvasItems.ownerOf(doc, doc.requireNode(w.to().nodeId()), scope);
            if (from != null && to != null && !from.equals(to) && seen.add(from + "\u0000" + to)) {
                edges.add(new String[] {from, to});
            }
        }
        return new Input(sizes, edges);
    }

    public static Map<String, Position> compute(Input input) {
        return compute(input, input.sizes().size() > LARGE);
    }

    /**
     * Lays out {@code input}; {@code large} picks the cheap configuration (the warm-up uses it on a
     * small graph, so that the code a big layout runs is loaded and compiled before it is needed).
     */
    public static Map<String, Position> compute(Input input, boolean large) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_GAP);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, LAYER_GAP);
        if (large) {
            // Big graphs: cheaper layering, one crossing-minimisation sweep and simple placement cut
            // ELK's time several-fold on 5,000 nodes; small graphs get its full effort. The long
            // layer sequence of a deep network is folded into rows afterwards (LayerRows), instead
            // of one strip a million units wide that no zoom level can show.
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.SIMPLE);
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
        return large ? LayerRows.fold(placed, input.sizes(), WRAP_ASPECT, LAYER_GAP) : placed;
    }

    /**
     * Runs the big-graph configuration on a small synthetic network a few times. ELK's first layout
     * in a JVM pays for class loading, option registration and compiling its hot loops, several
     * times the cost of the layout itself; paid here, on the layout thread at start, the user's
     * first auto-layout does not wait for it. Stops after the current round once {@code
     * layoutWaiting} says a real layout waits: what was compiled so far already helps it.
     */
    public static void warmUp(BooleanSupplier layoutWaiting) {
        for (int round = 0; round < WARM_UP_ROUNDS && !layoutWaiting.getAsBoolean(); round++) {
            compute(residualChain(WARM_UP_BLOCKS), true);
        }
    }

    /** src, then blocks of lin → lin → add with a skip wire round the two lin: the shape of most networks. */
    public static Input residualChain(int blocks) {
        Map<String, Dimension2D> sizes = new LinkedHashMap<>();
        List<String[]> edges = new ArrayList<>();
        Dimension2D one = new Dimension2D(NodeView.WIDTH, NodeView.heightFor(1, 1));
        sizes.put("src", one);
        String prev = "src";
        for (int i = 0; i < blocks; i++) {
            String a = "a" + i;
            String b = "b" + i;
            String add = "add" + i;
            sizes.put(a, one);
            sizes.put(b, one);
            sizes.put(add, new Dimension2D(NodeView.WIDTH, NodeView.heightFor(2, 1)));
            edges.add(new String[] {prev, a});
            edges.add(new String[] {a, b});
            edges.add(new String[] {b, add});
            edges.add(new String[] {prev, add});
            prev = add;
        }
        return new Input(sizes, edges);
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
