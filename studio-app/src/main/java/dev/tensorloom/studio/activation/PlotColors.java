package dev.tensorloom.studio.activation;

import javafx.scene.paint.Color;

/**
 * Colours of data drawn on canvases (points, boxes, axes): part of the picture, not of the styling, and
 * chosen to read on the light theme's background. Text and controls around the canvases use CSS.
 */
final class PlotColors {
    static final Color AXIS = Color.web("#57606a");
    static final Color GRID = Color.web("#d0d7de");
    static final Color REFERENCE = Color.web("#8c959f", 0.55);
    static final Color DATA = Color.web("#1a7f37", 0.6);
    static final Color MODEL = Color.web("#0969da", 0.65);
    static final Color TRUTH = Color.web("#2da44e");
    static final Color PREDICTED = Color.web("#fb8500");
    static final Color LABEL_BACKGROUND = Color.web("#ffffff", 0.8);

    private PlotColors() {
    }
}
