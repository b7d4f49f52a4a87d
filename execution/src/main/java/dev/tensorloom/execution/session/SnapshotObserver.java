package dev.tensorloom.execution.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.exec.ForwardObserver;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies the outputs of watched nodes into {@link ActivationSnapshot}s for the listener. */
final class SnapshotObserver implements ForwardObserver {
    private final SnapshotPolicy policy;
    private final RunListener listener;
    private final long step;

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
        Map<String, Preview> views = new LinkedHashMap<>();
        published.forEach((name, array) -> views.put(name, ActivationProbe.viewPreview(array)));
        for (int k = 0; k < outputs.size(); k++) {
            NDArray out = outputs.get(k);
            listener.onActivation(new ActivationSnapshot(step, s.nodeId(), s.type().outputs().get(k).name(),
                    ActivationProbe.stats(out), ActivationProbe.preview(out), k == 0 ? views : Map.of()));
        }
    }
}
