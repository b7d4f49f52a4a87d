package dev.tensorloom.canvas;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.ParamSpec;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.shape.DType;

/** Test-only block types, so canvas tests do not depend on the real library's families. */
final class TestBlocks {
    private TestBlocks() {
    }

    static BlockCatalog catalog() {
        BlockCatalog c = new BlockCatalog();
        c.register(BlockType.builder("src").category(BlockCategory.DATA).output(PortSpec.of("out", DType.FLOAT32))
                .role(BlockType.Role.SOURCE).shape(ctx -> { }).build());
        c.register(BlockType.builder("tokens").category(BlockCategory.DATA).output(PortSpec.of("out", DType.INT64))
                .role(BlockType.Role.SOURCE).shape(ctx -> { }).build());
        c.register(BlockType.builder("lin").category(BlockCategory.CORE).input("in").output("out")
                .param(ParamSpec.integer("out_features", 64, 1, 1 << 20, "width"))
                .shape(ctx -> { }).build());
        c.register(BlockType.builder("add").category(BlockCategory.CORE).input("a").input("b").output("out")
                .shape(ctx -> { }).build());
        return c;
    }
}
