package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.Preview;
import dev.tensorloom.execution.session.view.SamplerSteps;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A rectified-flow sampler's trajectories as a grid: one row per sample, one column per shown Euler step
 * from noise (t = 1) to sample (t = 0), and last a training image of the same class. Every cell shares
 * the data's value range, so noise saturates and the sample is seen to settle into it.
 */
public final class SamplerViewModel {
    /** Titles and cells of the grid. */
    public record Grid(String title, List<String> columns, List<String> rows, List<List<Heatmap>> cells) {
    }

    private final ReadOnlyObjectWrapper<Grid> grid = new ReadOnlyObjectWrapper<>();

    void show(SamplerSteps s) {
        FiniteRange range = FiniteRange.of(new FiniteRange(0, 1),
                s.data().stream().map(Preview::values).toArray(float[][]::new));
        double lo = range.lo();
        double hi = range.hi();
        List<String> columns = new ArrayList<>();
        for (double t : s.times()) {
            columns.add(String.format("t = %.2f", t));
        }
        columns.add("data");
        List<String> rows = new ArrayList<>();
        List<List<Heatmap>> cells = new ArrayList<>();
        for (int j = 0; j < s.states().size(); j++) {
            rows.add(s.labels()[j] < 0 ? "sample " + j : "class " + s.labels()[j]);
            List<Heatmap> row = new ArrayList<>();
            for (Preview p : s.states().get(j)) {
                row.add(Heatmap.withRange(p, lo, hi, ""));
            }
            row.add(Heatmap.withRange(s.data().get(j), lo, hi, ""));
            cells.add(List.copyOf(row));
        }
        grid.set(new Grid(String.format("sampler from noise (t = 1) to sample (t = 0) · step %d", s.step()),
                List.copyOf(columns), List.copyOf(rows), List.copyOf(cells)));
    }

    void clear() {
        grid.set(null);
    }

    /** The newest trajectories, or null before the first are drawn. */
    public ReadOnlyObjectProperty<Grid> gridProperty() {
        return grid.getReadOnlyProperty();
    }
}
