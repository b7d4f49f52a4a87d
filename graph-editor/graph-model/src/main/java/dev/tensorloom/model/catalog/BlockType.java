package dev.tensorloom.model.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of block the palette offers: id, title, category, one-line description, typed ports,
 * parameter schema, shape rule and cost estimator. Built with {@link #builder(String)}.
 *
 * <p>{@code role} tells the rest of the studio what the block is for: a {@link Role#SOURCE} brings a
 * dataset field into the graph, a {@link Role#LOSS} produces the scalar that training minimises.
 */
public final class BlockType {
    /** What part a block plays in training. */
    public enum Role { SOURCE, LAYER, LOSS }

    private final String id;
    private final String title;
    private final BlockCategory category;
    private final String description;
    private final List<PortSpec> inputs;
    private final List<PortSpec> outputs;
    private final List<ParamSpec> params;
    private final ShapeRule shapeRule;
    private final Estimator estimator;
    private final Role role;

    private BlockType(Builder b) {
        this.id = Objects.requireNonNull(b.id);
        this.title = b.title == null ? b.id : b.title;
        this.category = Objects.requireNonNull(b.category, "category of " + b.id);
        this.description = b.description == null ? "" : b.description;
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.params = List.copyOf(b.params);
        this.shapeRule = Objects.requireNonNull(b.shapeRule, "shape rule of " + b.id);
        this.estimator = b.estimator == null ? Estimator.ELEMENTWISE : b.estimator;
        this.role = b.role;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public BlockCategory category() {
        return category;
    }

    public String description() {
        return description;
    }

    public List<PortSpec> inputs() {
        return inputs;
    }

    public List<PortSpec> outputs() {
        return outputs;
    }

    public List<ParamSpec> params() {
        return params;
    }

    public ShapeRule shapeRule() {
        return shapeRule;
    }

    public Estimator estimator() {
        return estimator;
    }

    public Role role() {
        return role;
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }

    /** Collects the parts of a {@link BlockType}. */
    public static final class Builder {
        private final String id;
        private String title;
        private BlockCategory category;
        private String description;
        private final List<PortSpec> inputs = new ArrayList<>();
        private final List<PortSpec> outputs = new ArrayList<>();
        private final List<ParamSpec> params = new ArrayList<>();
        private ShapeRule shapeRule;
        private Estimator estimator;
        private Role role = Role.LAYER;

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder category(BlockCategory v) {
            category = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder input(PortSpec p) {
            inputs.add(p);
            return this;
        }

        public Builder input(String name) {
            return input(PortSpec.of(name));
        }

        public Builder output(PortSpec p) {
            outputs.add(p);
            return this;
        }

        public Builder output(String name) {
            return output(PortSpec.of(name));
        }

        public Builder param(ParamSpec p) {
            params.add(p);
            return this;
        }

        public Builder shape(ShapeRule rule) {
            shapeRule = rule;
            return this;
        }

        public Builder estimator(Estimator e) {
            estimator = e;
            return this;
        }

        public Builder role(Role r) {
            role = r;
            return this;
        }

        public BlockType build() {
            return new BlockType(this);
        }
    }
}
