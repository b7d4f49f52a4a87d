package dev.tensorloom.execution.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.op.flow.InvertibleOp;
import dev.tensorloom.execution.session.view.AttentionHeads;
import dev.tensorloom.execution.session.view.LatentScatter;
import dev.tensorloom.execution.session.view.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies the outputs of watched nodes into {@link ActivationSnapshot}s for the listener, with the
 * pictures a node offers: every attention head of the requested example, a flow step's latent scatter.
 */
final class SnapshotObserver implements ForwardObserver {
    /** Points of a latent scatter: enough to see the shape of a 2-D density, few enough to draw at 20 Hz. */
    static final int SCATTER_POINTS = 512;

    private final SnapshotPolicy policy;
    private final RunListener listener;
    private final long step;
    private ActivationSnapshot first;

    SnapshotObserver(SnapshotPolicy policy, RunListener listener, long step) {
        this.policy = policy;
        this.listener = listener;
        this.step = step;
    }

    @Override
    public void onForward(Step s, NDList outputs, Map<String, NDArray> published) {
        if (!policy.watches(s.nodeId())) {
            return;
        }
        List<NodeView> views = new ArrayList<>();
        int example = policy.request().example();
        published.forEach((name, array) -> views.add(new AttentionHeads(step, name, array.getShape().getShape(),
                (int) Math.min(example, Math.max(0, array.getShape().get(0) - 1)),
                ActivationProbe.heads(array, example))));
        if (s.op() instanceof InvertibleOp && !outputs.isEmpty()) {
            NDArray z = outputs.get(0);
            long dims = z.getShape().dimension() < 2 ? 1 : z.size() / z.getShape().get(0);
            views.add(new LatentScatter(step, s.nodeId(), (int) dims, ActivationProbe.firstTwo(z, SCATTER_POINTS)));
        }
        for (int k = 0; k < outputs.size(); k++) {
            NDArray out = outputs.get(k);
            ActivationSnapshot snapshot = new ActivationSnapshot(step, s.nodeId(), k, s.type().outputs().get(k).name(),
                    ActivationProbe.stats(out), ActivationProbe.preview(out, example, policy.request().channel()),
                    k == 0 ? views : List.of());
            if (first == null) {
                first = snapshot;
            }
            listener.onActivation(snapshot);
        }
    }

    /** The first snapshot sent this step (model pictures are added to a copy of it), or null. */
    ActivationSnapshot first() {
        return first;
    }
}
