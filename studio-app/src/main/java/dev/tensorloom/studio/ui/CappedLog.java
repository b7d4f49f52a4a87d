package dev.tensorloom.studio.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A log a view lists, newest line last, that keeps only its newest {@code capacity} lines so a long run or
 * a chatty pip never grows the list (and its view) without bound. Used on the UI thread.
 */
public final class CappedLog {
    private final int capacity;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> view = FXCollections.unmodifiableObservableList(lines);

    public CappedLog(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a line, dropping the oldest ones beyond the capacity. */
    public void add(String line) {
        lines.add(line);
        if (lines.size() > capacity) {
            lines.remove(0, lines.size() - capacity);
        }
    }

    public void clear() {
        lines.clear();
    }

    /** The lines, newest last, read-only. */
    public ObservableList<String> lines() {
        return view;
    }
}
