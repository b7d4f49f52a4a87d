package dev.tensorloom.execution.data;

import dev.tensorloom.model.catalog.ParamSpec;
import java.util.List;

/** The built-in synthetic datasets, one registration each. */
final class StandardDatasets {
    private StandardDatasets() {
    }

    static void register(DatasetRegistry r) {
        sequence(r, "seq-reverse", SequenceTaskGenerator.Task.REVERSE,
                "Reverse a random token sequence: tokens, target int64 [B, L].");
        sequence(r, "seq-copy", SequenceTaskGenerator.Task.COPY,
                "Copy a random token sequence: tokens, target int64 [B, L].");
        sequence(r, "seq-sort", SequenceTaskGenerator.Task.SORT,
                "Sort a random token sequence ascending: tokens, target int64 [B, L].");
        r.register(new DatasetDescriptor("selective-copy",
                "Recall the data tokens scattered in noise, in order (Mamba's selective copying): "
                        + "tokens, target int64 [B, L+k], target -1 except the last k.",
                List.of(ParamSpec.integer("length", 96, 1, 4096, "noise sequence length L before the recall markers"),
                        ParamSpec.integer("data_tokens", 8, 1, 256, "data tokens k to remember"),
                        ParamSpec.integer("vocab", 10, 1, 4096, "data symbols V; noise is V, marker V+1")),
                (p, seed) -> new SelectiveCopyGenerator(p.getInt("length"), p.getInt("data_tokens"),
                        p.getInt("vocab"))));
        r.register(new DatasetDescriptor("two-moons",
                "Two interleaving half circles, standardised: x float32 [B, 2], label int64 [B].",
                List.of(ParamSpec.real("noise", 0.08, 0, 1, "std of the Gaussian noise before standardising")),
                (p, seed) -> new PlanarDensityGenerator(new TwoMoons(p.getDouble("noise")),
                        "point, mean 0 and std about 1 per coordinate")));
        r.register(new DatasetDescriptor("eight-gaussians",
                "Eight Gaussians on a circle of radius 2: x float32 [B, 2], label int64 [B].",
                List.of(ParamSpec.real("radius", 2, 0.1, 100, "radius of the circle of centres"),
                        ParamSpec.real("std", 0.2, 0.001, 10, "std of each Gaussian")),
                (p, seed) -> new PlanarDensityGenerator(new EightGaussians(p.getDouble("radius"),
                        p.getDouble("std")), "point near one of eight centres on a circle")));
        r.register(new DatasetDescriptor("checkerboard",
                "Uniform on the black squares of a 4x4 checkerboard over [-4, 4)^2: x float32 [B, 2].",
                List.of(),
                (p, seed) -> new PlanarDensityGenerator(new Checkerboard(),
                        "point in [-4, 4)^2 with floor(x/2) + floor(y/2) even")));
        r.register(new DatasetDescriptor("shapes-detection",
                "Rectangles (0) and ellipses (1) on noisy backgrounds: image float32 [B, 3, S, S], "
                        + "boxes float32 [B, M, 4], labels int64 [B, M], count int64 [B].",
                List.of(ParamSpec.integer("size", 64, 16, 512, "image side S in pixels"),
                        ParamSpec.integer("max_objects", 4, 1, 16, "most objects per image M")),
                (p, seed) -> new ShapesDetectionGenerator(p.getInt("size"), p.getInt("max_objects"))));
        r.register(new DatasetDescriptor("regression-chain",
                "Smooth regression y = tanh(x W1) W2 with seeded weights: x, y float32 [B, d].",
                List.of(ParamSpec.integer("features", 256, 1, 4096, "input and output width d"),
                        ParamSpec.integer("hidden", 256, 1, 4096, "width of the hidden tanh layer")),
                (p, seed) -> new RegressionChainGenerator(p.getInt("features"), p.getInt("hidden"), seed)));
        GalleryDatasets.register(r);
    }

    private static void sequence(DatasetRegistry r, String id, SequenceTaskGenerator.Task task, String description) {
        r.register(new DatasetDescriptor(id, description,
                List.of(ParamSpec.integer("length", 16, 1, 4096, "sequence length L"),
                        ParamSpec.integer("vocab", 10, 2, 65536, "token values in [0, vocab)")),
                (p, seed) -> new SequenceTaskGenerator(task, p.getInt("length"), p.getInt("vocab"))));
    }
}
