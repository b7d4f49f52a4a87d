package dev.tensorloom.execution.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block type with parameter values and inputs, run once in the studio's engine and once in the exported
 * PyTorch code to compare outputs and gradients ({@link BlockEquivalenceTest}).
 *
 * @param name   unique label of the case, e.g. {@code linear-no-bias}
 * @param inputs one per input port of the type, in port order ({@code null} leaves an optional port open)
 */
record BlockCase(String name, String type, Map<String, Object> params, List<InputSpec> inputs) {

    static BlockCase of(String type, List<InputSpec> inputs, Object... keyValues) {
        return named(type, type, inputs, keyValues);
    }

    static BlockCase named(String name, String type, List<InputSpec> inputs, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new BlockCase(name, type, params, inputs);
    }
}
