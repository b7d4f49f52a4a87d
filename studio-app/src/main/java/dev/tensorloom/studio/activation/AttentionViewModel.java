package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.Preview;
import dev.tensorloom.execution.session.ViewRequest;
import dev.tensorloom.execution.session.view.AttentionHeads;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Attention maps of the watched node, every head of one example: the user picks the head (drawn large)
 * and the example (asked of the run through its {@link ViewRequest}, so the next snapshot carries it).
 */
public final class AttentionViewModel {
    /** One published attention view (self or cross attention) of one example. */
    public record Panel(String title, Heatmap selected, List<Heatmap> heads) {
    }

    private final IntegerProperty head = new SimpleIntegerProperty(0);
    private final IntegerProperty example = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper heads = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper examples = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<List<Panel>> panels = new ReadOnlyObjectWrapper<>(List.of());
    private List<AttentionHeads> latest = List.of();
    private ViewRequest request = ViewRequest.NONE;

    AttentionViewModel() {
        head.addListener((o, a, b) -> rebuild());
        example.addListener((o, a, b) -> {
            if (request != ViewRequest.NONE) {
                request.setExample(b.intValue());
            }
        });
    }

    /** The request of the next run: it reads the chosen example from it while training. */
    void attach(ViewRequest r) {
        request = r;
        if (r != ViewRequest.NONE) {
            r.setExample(example.get());
        }
    }

    void show(List<AttentionHeads> maps) {
        latest = List.copyOf(maps);
        int most = latest.stream().mapToInt(m -> m.heads().size()).max().orElse(0);
        heads.set(most);
        examples.set(latest.stream().mapToInt(AttentionHeads::examples).max().orElse(0));
        if (head.get() >= most && most > 0) {
            head.set(most - 1);
        }
        rebuild();
    }

    void clear() {
        show(List.of());
    }

    private void rebuild() {
        List<Panel> out = new ArrayList<>();
        for (AttentionHeads m : latest) {
            List<Heatmap> thumbnails = new ArrayList<>();
            for (int h = 0; h < m.heads().size(); h++) {
                thumbnails.add(Heatmap.of(m.heads().get(h), "head " + h));
            }
            int chosen = Math.min(head.get(), m.heads().size() - 1);
            Preview p = m.heads().get(chosen);
            String title = String.format("%s %d×%d · example %d of %d · head %d of %d", m.name(), p.rows(),
                    p.cols(), m.example(), m.examples(), chosen, m.heads().size());
            out.add(new Panel(title, Heatmap.of(p, title), List.copyOf(thumbnails)));
        }
        panels.set(List.copyOf(out));
    }

    /** The head drawn large (0-based); clamped to the heads there are. */
    public IntegerProperty headProperty() {
        return head;
    }

    /** The example of the batch whose heads the run copies out (0-based). */
    public IntegerProperty exampleProperty() {
        return example;
    }

    /** Heads in the newest snapshot (0 when the node publishes no attention). */
    public ReadOnlyIntegerProperty headsProperty() {
        return heads.getReadOnlyProperty();
    }

    /** Examples in the batch of the newest snapshot. */
    public ReadOnlyIntegerProperty examplesProperty() {
        return examples.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Panel>> panelsProperty() {
        return panels.getReadOnlyProperty();
    }
}
