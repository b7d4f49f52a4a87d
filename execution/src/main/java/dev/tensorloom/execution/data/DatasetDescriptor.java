package dev.tensorloom.execution.data;

import dev.tensorloom.model.catalog.ParamSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A synthetic dataset the registry offers: id, one-line description, parameters and how to build its
 * generator from parameter values and a seed.
 */
public record DatasetDescriptor(String id, String description, List<ParamSpec> params, Factory factory) {

    /** Builds the generator; the seed matters only for datasets with fixed random structure. */
    @FunctionalInterface
    public interface Factory {
        BatchGenerator create(DatasetParams params, long seed);
    }

    public DatasetDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        params = List.copyOf(params);
        Objects.requireNonNull(factory, "factory");
    }

    /** Checks {@code values} and builds the generator. */
    public BatchGenerator generator(Map<String, ?> values, long seed) {
        return factory.create(new DatasetParams(id, params, values), seed);
    }

    /** The fields a batch has for these parameter values. */
    public List<FieldSpec> fields(Map<String, ?> values) {
        return generator(values, 0).fields();
    }
}
