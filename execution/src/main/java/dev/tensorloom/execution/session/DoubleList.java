package dev.tensorloom.execution.session;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * A growing list of doubles in one primitive array: a run's loss curve costs 8 bytes a step, not the 20 or
 * so of a boxed {@code List<Double>} (a week-long run keeps millions of them). Read it as a {@code List} view.
 */
public final class DoubleList extends AbstractList<Double> implements RandomAccess {
    private double[] values;
    private int size;

    /** An empty list. */
    public DoubleList() {
        values = new double[64];
    }

    /** A list holding {@code initial}, in order. */
    public DoubleList(List<Double> initial) {
        values = new double[Math.max(64, initial.size() * 2)];
        for (Double v : initial) {
            add(v.doubleValue());
        }
    }

    /** Appends a value. */
    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    @Override
    public boolean addAll(Collection<? extends Double> more) {
        for (Double v : more) {
            add(v.doubleValue());
        }
        return !more.isEmpty();
    }

    @Override
    public boolean add(Double value) {
        add(value.doubleValue());
        return true;
    }

    @Override
    public Double get(int index) {
        return getDouble(index);
    }

    /** The value at {@code index}, unboxed. */
    public double getDouble(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }
}
