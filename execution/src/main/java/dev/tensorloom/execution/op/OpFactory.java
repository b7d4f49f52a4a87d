package dev.tensorloom.execution.op;

import dev.tensorloom.model.catalog.Params;

/** Makes the {@link BlockOp} for one node from its parameters. */
@FunctionalInterface
public interface OpFactory {
    BlockOp create(Params params);
}
