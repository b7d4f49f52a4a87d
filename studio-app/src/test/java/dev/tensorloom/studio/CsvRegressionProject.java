package dev.tensorloom.studio;

/**
 * A project file for tests of user data: a linear regression from CSV features {@code x} ([B, 2]) to a
 * label {@code y} ([B, 1]), trained with Adam on the CPU.
 */
public final class CsvRegressionProject {
    private CsvRegressionProject() {
    }

    /** The project's JSON with {@code dataset} as its data spec, training {@code steps} steps. */
    public static String json(String dataset, double learningRate, int steps) {
        return """
                { "formatVersion": 2, "name": "regression",
                  "graph": { "nodes": {
                      "fc": { "type": "linear", "label": "fc", "params": { "out_features": 1 } },
                      "in_x": { "type": "input", "label": "x", "params": { "field": "x", "shape": "[B, 2]" } },
                      "in_y": { "type": "input", "label": "y", "params": { "field": "y", "shape": "[B, 1]" } },
                      "loss": { "type": "mse", "label": "loss", "params": { } } },
                    "wires": { "w1": { "from": "in_x.out", "to": "fc.in" }, "w2": { "from": "fc.out", "to": "loss.pred" },
                      "w3": { "from": "in_y.out", "to": "loss.target" } },
                    "groups": { } },
                  "layout": { },
                  "training": { "dataset": "%s", "optimizer": "adam", "learningRate": %s, "schedule": "constant",
                    "warmupSteps": 0, "weightDecay": 0.0, "momentum": 0.9, "gradientClip": 0.0, "batchSize": 8,
                    "steps": %d, "epochs": 0, "evalEvery": 0, "seed": 3, "device": "cpu", "checkpointPolicy": "none" } }
                """.formatted(dataset, learningRate, steps);
    }
}
