package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.HashMap;
import java.util.Map;

/** Runs one catalog block's shape rule for the state-space, flow and detection catalog tests. */
final class FamilyShapes {
    static final BlockCatalog CATALOG = BlockCatalog.standard();

    private FamilyShapes() {
    }

    static NodeShapeContext run(String type, Map<String, Object> params, Map<String, TensorType> inputs) {
        Map<String, String> sources = new HashMap<>();
        inputs.keySet().forEach(port -> sources.put(port, "src." + port));
        return new NodeShapeContext("n1", CATALOG.require(type), params, inputs, sources).run();
    }

    static Dim sym(String name) {
        return Dim.sym(name);
    }

    static Dim n(long size) {
        return Dim.of(size);
    }

    /** Every parameter has help, and its default passes its own check. */
    static void checkParamSpecs(String type) {
        for (ParamSpec p : CATALOG.require(type).params()) {
            if (p.help().isBlank()) {
                throw new AssertionError(type + "." + p.name() + " has no help text");
            }
            p.check(p.defaultValue()).ifPresent(msg -> {
                throw new AssertionError(type + "." + p.name() + " default rejected: " + msg);
            });
        }
    }
}
