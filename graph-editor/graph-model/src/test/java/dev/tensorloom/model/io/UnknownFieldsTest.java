package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields the format does not define are reported with their path and the place of their value, at every level. */
class UnknownFieldsTest {

    @Test
    void everyLevelIsChecked() throws Exception {
        String json = """
                {
                  "formatVersion": 2,
                  "author": "me",
                  "graph": {
                    "nodes": {"a": {"type": "relu", "label": "a", "colour": "red", "params": {"anything": 1}}, "b": {"type": "relu"}},
                    "wires": {"w1": {"from": "a.out", "to": "b.in", "weight": 2}},
                    "groups": {"g": {"label": "G", "folded": true}},
                    "comments": []
                  },
                  "layout": {"a": {"x": 1.0, "y": 2.0, "z": 3.0}},
                  "training": {"steps": 5, "stepz": 10}
                }
                """;
        Project p = ProjectReader.fromJson(json, "m.tlm");
        assertEquals(List.of(
                "m.tlm:3:13: unknown field 'author' is ignored, and saving the project would drop it",
                "m.tlm:8:17: unknown field 'graph.comments' is ignored, and saving the project would drop it",
                "m.tlm:5:61: unknown field 'graph.nodes.a.colour' is ignored, and saving the project would drop it",
                "m.tlm:6:63: unknown field 'graph.wires.w1.weight' is ignored, and saving the project would drop it",
                "m.tlm:7:46: unknown field 'graph.groups.g.folded' is ignored, and saving the project would drop it",
                "m.tlm:10:45: unknown field 'layout.a.z' is ignored, and saving the project would drop it",
                "m.tlm:11:37: unknown field 'training.stepz' is ignored, and saving the project would drop it"),
                sortedByKind(p.warnings()));
    }

    @Test
    void aSavedProjectHasNone() throws Exception {
        String json = """
                {"formatVersion": 2, "name": "n", "graph": {"nodes": {"a": {"type": "relu", "params": {"k": 1}}}},
                 "layout": {"a": {"x": 0.0, "y": 0.0}}, "training": {"steps": 3}}
                """;
        Project p = ProjectReader.fromJson(json, "n.tlm");
        assertEquals(List.of(), p.warnings());
        assertEquals(List.of(), ProjectReader.fromJson(ProjectWriter.toJson(p), "n.tlm").warnings());
    }

    /** Top level first, then graph, nodes, wires, groups, layout, training (the order the checker walks). */
    private static List<String> sortedByKind(List<String> warnings) {
        List<String> order = List.of("'author'", "'graph.comments'", "'graph.nodes", "'graph.wires", "'graph.groups",
                "'layout", "'training");
        return warnings.stream().sorted(java.util.Comparator.comparingInt(w -> {
            for (int i = 0; i < order.size(); i++) {
                if (w.contains(order.get(i))) {
                    return i;
                }
            }
            return order.size();
        })).toList();
    }
}
