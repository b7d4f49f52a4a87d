package dev.tensorloom.studio.cli;

import dev.tensorloom.studio.CsvRegressionProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A fast project for command-line tests: linear regression on a small CSV file, milliseconds a step. */
final class RegressionProjects {
    private RegressionProjects() {
    }

    /** {@code dir/project.tlm} training Adam at 0.05 for {@code steps} steps on {@code dir/houses.csv}. */
    static Path calm(Path dir, int steps) throws Exception {
        csv(dir, 1);
        Path file = dir.resolve("project.tlm");
        Files.writeString(file, CsvRegressionProject.json("csv:houses.csv?features=area,rooms&label=price", 0.05, steps));
        return file;
    }

    /**
     * SGD at a learning rate of 10 on features in the hundreds: each step multiplies the weights' error by
     * about 10^5, so the loss runs away at once and overflows to infinity within a few steps.
     */
    static Path exploding(Path dir, int steps) throws Exception {
        csv(dir, 300);
        Path file = dir.resolve("project.tlm");
        Files.writeString(file, CsvRegressionProject.json("csv:houses.csv?features=area,rooms&label=price", 10, steps)
                .replace("\"optimizer\": \"adam\"", "\"optimizer\": \"sgd\"").replace("\"momentum\": 0.9", "\"momentum\": 0.0"));
        return file;
    }

    private static void csv(Path dir, double scale) throws Exception {
        StringBuilder sb = new StringBuilder("area,rooms,price\n");
        Random r = new Random(2);
        for (int i = 0; i < 60; i++) {
            double a = (r.nextDouble() * 2 - 1) * scale;
            double b = (r.nextDouble() * 2 - 1) * scale;
            sb.append(a).append(',').append(b).append(',').append(2 * a - 3 * b + 0.5).append('\n');
        }
        Files.writeString(dir.resolve("houses.csv"), sb);
    }
}
