package dev.tensorloom.execution.export;

import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Python attribute of every node, as {@code model.py} names it: dataset fields claim their names
 * first, then nodes in plan order. So the parameter {@code fc1/weight} of the studio is
 * {@code fc1.weight} in {@code model.state_dict()}, and weights move between the engines by name.
 */
public final class StateNames {
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> fields = new LinkedHashMap<>();

    private StateNames(Plan plan) {
        PythonNames names = new PythonNames();
        for (Step s : plan.steps()) {
            if (s.isSource()) {
                fields.computeIfAbsent(s.field(), names::claim);
            }
        }
        for (Step s : plan.steps()) {
            if (!s.isSource()) {
                attributes.put(s.nodeId(), names.claim(s.nodeId()));
            }
        }
    }

    public static StateNames of(Plan plan) {
        return new StateNames(plan);
    }

    /** The attribute of a node in the exported top module. */
    public String attribute(String nodeId) {
        String a = attributes.get(nodeId);
        if (a == null) {
            throw new IllegalArgumentException("no node '" + nodeId + "' in the exported model");
        }
        return a;
    }

    /** The forward parameter that carries a dataset field. */
    public String field(String field) {
        return fields.get(field);
    }

    /** {@code nodeId/name} of the parameter store → its key in {@code model.state_dict()}. */
    public String stateKey(String storeKey) {
        int slash = storeKey.lastIndexOf('/');
        return attribute(storeKey.substring(0, slash)) + "." + storeKey.substring(slash + 1);
    }

    /** A {@code model.state_dict()} key → the parameter store's {@code nodeId/name}, or null if no node has it. */
    public String storeKey(String stateKey) {
        int dot = stateKey.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String attribute = stateKey.substring(0, dot);
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey() + "/" + stateKey.substring(dot + 1);
            }
        }
        return null;
    }
}
