package dev.tensorloom.execution.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small real user-data files and the project files that train on them, written into a test folder. */
final class UserDataProjects {
    private UserDataProjects() {
    }

    /** {@code price = 2·area − 3·rooms + 0.5} plus a little noise, with an unused text column. */
    static Path housesCsv(Path file, int rows, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("id,area,rooms,city,price\n");
        for (int i = 0; i < rows; i++) {
            double a = r.nextDouble() * 2 - 1;
            double b = r.nextDouble() * 2 - 1;
            double price = 2 * a - 3 * b + 0.5 + 0.01 * r.nextGaussian();
            sb.append(i).append(',').append(a).append(',').append(b).append(",\"Town ").append(i % 3).append("\",")
                    .append(price).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
        return file;
    }

    /** Two classes of 8 x 8 images: reddish and bluish squares with noise. */
    static Path colourFolder(Path root, int perClass, long seed) throws IOException {
        Random r = new Random(seed);
        String[] classes = {"blue", "red"};
        for (int c = 0; c < classes.length; c++) {
            Path dir = Files.createDirectories(root.resolve(classes[c]));
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int strong = 160 + r.nextInt(96);
                        int weak = r.nextInt(96);
                        int g = r.nextInt(128);
                        img.setRGB(x, y, c == 1 ? strong << 16 | g << 8 | weak : weak << 16 | g << 8 | strong);
                    }
                }
                ImageIO.write(img, "png", dir.resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    /** A linear regression x [B, 2] → y [B, 1] under mean squared error. */
    static String regressionProject(String dataset, String yDtype) {
        return project(dataset, """
                      "fc": { "type": "linear", "label": "fc", "params": { "out_features": 1 } },
                      "in_x": { "type": "input", "label": "x", "params": { "field": "x", "shape": "[B, 2]" } },
                      "in_y": { "type": "input", "label": "y", "params": { "field": "y", "shape": "[B, 1]", "dtype": "%s" } },
                      "loss": { "type": "mse", "label": "loss", "params": { } }
                """.formatted(yDtype), """
                      "w1": { "from": "in_x.out", "to": "fc.in" },
                      "w2": { "from": "fc.out", "to": "loss.pred" },
                      "w3": { "from": "in_y.out", "to": "loss.target" }
                """, 0.05);
    }

    /** A linear classifier of 3 x 8 x 8 images into two classes under cross-entropy. */
    static String imageProject(String dataset) {
        return project(dataset, """
                      "flat": { "type": "flatten", "label": "flat", "params": { } },
                      "fc": { "type": "linear", "label": "fc", "params": { "out_features": 2 } },
                      "img": { "type": "input", "label": "image", "params": { "field": "image", "shape": "[B, 3, 8, 8]" } },
                      "lbl": { "type": "input", "label": "label", "params": { "field": "label", "shape": "[B]", "dtype": "int64" } },
                      "loss": { "type": "cross_entropy", "label": "loss", "params": { } }
                """, """
                      "w1": { "from": "img.out", "to": "flat.in" },
                      "w2": { "from": "flat.out", "to": "fc.in" },
                      "w3": { "from": "fc.out", "to": "loss.pred" },
                      "w4": { "from": "lbl.out", "to": "loss.target" }
                """, 0.05);
    }

    private static String project(String dataset, String nodes, String wires, double lr) {
        return """
                {
                  "formatVersion": 2,
                  "name": "user data",
                  "graph": {
                    "nodes": {
                %s    },
                    "wires": {
                %s    },
                    "groups": { }
                  },
                  "layout": { },
                  "training": { "dataset": "%s", "optimizer": "adam", "learningRate": %s, "schedule": "constant",
                    "warmupSteps": 0, "weightDecay": 0.0, "momentum": 0.9, "gradientClip": 0.0, "batchSize": 8,
                    "steps": 20, "epochs": 0, "evalEvery": 0, "seed": 3, "device": "cpu", "checkpointPolicy": "none" }
                }
                """.formatted(nodes, wires, dataset.replace("\"", "\\\""), lr);
    }
}
