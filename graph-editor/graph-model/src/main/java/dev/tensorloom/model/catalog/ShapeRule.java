package dev.tensorloom.model.catalog;

/** How one block type maps input types and parameters to output types, reporting mismatches. */
@FunctionalInterface
public interface ShapeRule {
    void infer(ShapeContext ctx);
}
