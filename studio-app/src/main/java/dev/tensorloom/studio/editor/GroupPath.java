package dev.tensorloom.studio.editor;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The way from the top level of the model down to an open group: what the breadcrumb above the canvas shows. */
public final class GroupPath {
    /** What the first step is called: the model itself. */
    public static final String TOP = "Model";

    private GroupPath() {
    }

    /**
     * One step of the path.
     *
     * @param groupId the group, or null for the top level
     * @param label   what the step reads
     */
    public record Step(String groupId, String label) { }

    /** The steps from the top to {@code scope}, both included; just the top when nothing is open. */
    public static List<Step> of(Document doc, String scope) {
        List<Step> steps = new ArrayList<>();
        if (scope != null && doc.group(scope).isPresent()) {
            List<String> down = new ArrayList<>(GroupTree.ancestors(doc, scope));
            Collections.reverse(down);
            down.add(scope);
            for (String id : down) {
                steps.add(new Step(id, doc.group(id).map(Group::label).orElse(id)));
            }
        }
        steps.add(0, new Step(null, TOP));
        return steps;
    }
}
