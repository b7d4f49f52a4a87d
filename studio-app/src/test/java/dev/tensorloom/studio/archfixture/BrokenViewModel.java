package dev.tensorloom.studio.archfixture;

import javafx.scene.control.Label;

/** A view model that holds a control, which view models never do. */
public final class BrokenViewModel {
    public Label status;
}
