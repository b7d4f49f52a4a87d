package dev.tensorloom.model.shape;

/** How one block type maps input types and parameters to output types, reporting mismatches. */
@FunctionalInterface
public interface ShapeRule {
    void infer(ShapeContext ctx);
}
