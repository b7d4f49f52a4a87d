package dev.tensorloom.studio.archfixture.model;

import javafx.geometry.Point2D;

/** A document class that knows JavaFX, which the graph model never does. */
public final class FxDocument {
    public Point2D position;
}
