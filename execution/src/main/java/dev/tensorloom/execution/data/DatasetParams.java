package dev.tensorloom.execution.data;

import dev.tensorloom.model.catalog.ParamSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A dataset's parameter values, checked against its specs, with the specs' defaults filled in. */
public final class DatasetParams {
    private final String datasetId;
    private final Map<String, Object> values;

    /** Checks {@code given} against {@code specs}; throws naming the dataset and the bad parameter. */
    public DatasetParams(String datasetId, List<ParamSpec> specs, Map<String, ?> given) {
        this.datasetId = datasetId;
        Map<String, ParamSpec> byName = specs.stream()
                .collect(Collectors.toMap(ParamSpec::name, s -> s, (a, b) -> a, LinkedHashMap::new));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(datasetId + " has no parameter '" + name + "' (parameters: "
                        + byName.keySet() + ")");
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object value = given.containsKey(spec.name()) ? given.get(spec.name()) : spec.defaultValue();
            spec.check(value).ifPresent(problem -> {
                throw new IllegalArgumentException(datasetId + ": " + problem);
            });
            v.put(spec.name(), value);
        }
        this.values = Map.copyOf(v);
    }

    public int getInt(String name) {
        return Math.toIntExact(((Number) get(name)).longValue());
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(datasetId + " has no parameter '" + name + "'");
        }
        return v;
    }

    /** All values, defaults included. */
    public Map<String, Object> values() {
        return values;
    }
}
