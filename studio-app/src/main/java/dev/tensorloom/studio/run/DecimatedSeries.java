package dev.tensorloom.studio.run;

import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A growing series kept to a bounded number of points: when full it keeps every other point and from
 * then on accepts only every second new one, so the kept points stay evenly spread over the whole run
 * and a chart never redraws more than {@code capacity} points, however long the run.
 */
public final class DecimatedSeries {
    private final int capacity;
    private final List<ChartPoint> points = new ArrayList<>();
    private long stride = 1;
    private long seen;

    public DecimatedSeries(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        this.capacity = capacity;
    }

    /** Offers the next point; returns true when it was kept. */
    public boolean add(double x, double y) {
        long index = seen++;
        if (index % stride != 0) {
            return false;
        }
        points.add(new ChartPoint(x, y));
        if (points.size() > capacity) {
            // Kept points sit at multiples of the stride; every other one sits at multiples of twice it.
            List<ChartPoint> halved = new ArrayList<>(points.size() / 2 + 1);
            for (int i = 0; i < points.size(); i += 2) {
                halved.add(points.get(i));
            }
            points.clear();
            points.addAll(halved);
            stride *= 2;
        }
        return true;
    }

    public List<ChartPoint> points() {
        return List.copyOf(points);
    }

    public void clear() {
        points.clear();
        stride = 1;
        seen = 0;
    }
}
