package dev.tensorloom.execution.data;

import dev.tensorloom.model.catalog.ParamSpec;
import java.util.List;

/** The synthetic datasets of the diffusion, pose and face templates. */
final class GalleryDatasets {
    private GalleryDatasets() {
    }

    static void register(DatasetRegistry r) {
        r.register(new DatasetDescriptor("shapes16",
                "One white shape on black, class-conditional: image float32 [B, 1, S, S] in [−1, 1], "
                        + "label int64 [B] (0 square, 1 disc, 2 cross, 3 triangle).",
                List.of(ParamSpec.integer("size", 16, 8, 256, "image side S in pixels")),
                (p, seed) -> new ShapeClassesGenerator(p.getInt("size"))));
        r.register(new DatasetDescriptor("stick-figures",
                "Stick figures in random poses, a fraction behind a grey occluder that hides one joint and the "
                        + "limbs near it (its true position is still labelled): image float32 [B, 1, S, S], keypoints "
                        + "float32 [B, 11, 2] as (x, y) / S.",
                List.of(ParamSpec.integer("size", 64, 32, 512, "image side S in pixels"),
                        ParamSpec.real("occluded", StickFigureGenerator.DEFAULT_OCCLUDED, 0, 1,
                                "fraction of figures behind an occluder")),
                (p, seed) -> new StickFigureGenerator(p.getInt("size"), p.getDouble("occluded"))));
        r.register(new DatasetDescriptor("glyph-faces",
                "Face-like glyphs of synthetic identities under random pose, scale and lighting: "
                        + "image float32 [B, 1, S, S], label int64 [B] (identity).",
                List.of(ParamSpec.integer("size", 32, 16, 256, "image side S in pixels"),
                        ParamSpec.integer("identities", 200, 1, 100000, "identities in this dataset"),
                        ParamSpec.integer("first_identity", 0, 0, 1L << 30,
                                "identity number of label 0; disjoint ranges hold disjoint people")),
                (p, seed) -> new GlyphFaceGenerator(p.getInt("size"), p.getInt("identities"),
                        p.getInt("first_identity"))));
    }
}
