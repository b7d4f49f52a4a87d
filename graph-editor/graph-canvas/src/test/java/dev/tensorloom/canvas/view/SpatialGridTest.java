package dev.tensorloom.canvas.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid answers exactly what testing every box against the query would answer. */
class SpatialGridTest {
    @Test
    void queriesMatchABruteForceScanAcrossPutsMovesAndRemovals() {
        Random random = new Random(11);
        SpatialGrid grid = new SpatialGrid();
        Map<String, double[]> boxes = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            String key = "k" + random.nextInt(300);
            if (random.nextInt(5) == 0) {
                grid.remove(key);
                boxes.remove(key);
                continue;
            }
            double x = random.nextDouble() * 20000 - 5000;
            double y = random.nextDouble() * 8000 - 2000;
            // Mostly node-sized boxes, some long wires spanning far more than MAX_CELLS cells.
            double w = random.nextInt(10) == 0 ? random.nextDouble() * 15000 : 170;
            double h = random.nextInt(10) == 0 ? random.nextDouble() * 6000 : 66;
            grid.put(key, x, y, x + w, y + h);
            boxes.put(key, new double[] {x, y, x + w, y + h});
        }
        assertEquals(boxes.size(), grid.size());
        for (int q = 0; q < 200; q++) {
            double x = random.nextDouble() * 24000 - 7000;
            double y = random.nextDouble() * 10000 - 3000;
            double w = q % 10 == 0 ? 60000 : random.nextDouble() * 4000;
            double h = q % 10 == 0 ? 40000 : random.nextDouble() * 2500;
            Set<String> expected = new HashSet<>();
            boxes.forEach((key, b) -> {
                if (b[2] >= x && b[0] <= x + w && b[3] >= y && b[1] <= y + h) {
                    expected.add(key);
                }
            });
            assertEquals(expected, grid.query(x, y, x + w, y + h), "query " + q);
        }
    }
}
