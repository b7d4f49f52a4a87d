package dev.tensorloom.studio.problems;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;

/** Small real models for the problems list: one that checks clean, and the edits that break it. */
public final class BrokenModels {
    /** The title the loss node carries, unlike its id, so a list naming it shows it looked the title up. */
    public static final String LOSS_TITLE = "Reconstruction loss";

    private BrokenModels() {
    }

    /**
     * x [B, 16] → fc (8 wide) → loss.pred, with y [B, 8] → loss.target: clean. Setting fc's width to 16 breaks
     * the wire y → loss.target (the target no longer matches the prediction).
     */
    public static Document regression() {
        Document doc = new DocumentBuilder()
                .nodeAt("x", "input", 0, 0, "field", "x", "shape", "[B, 16]", "dtype", "float32")
                .nodeAt("fc", "linear", 1, 0, "out_features", 8)
                .nodeAt("y", "input", 1, 1, "field", "y", "shape", "[B, 8]", "dtype", "float32")
                .nodeAt("loss", "mse", 2, 0)
                .wire("x.out", "fc.in").wire("fc.out", "loss.pred").wire("y.out", "loss.target").build();
        doc.replaceNode(doc.requireNode("loss").withLabel(LOSS_TITLE));
        return doc;
    }

    /** x → fc and nothing else: no loss block, a problem of the whole model. */
    public static Document withoutLoss() {
        return new DocumentBuilder()
                .nodeAt("x", "input", 0, 0, "field", "x", "shape", "[B, 16]", "dtype", "float32")
                .nodeAt("fc", "linear", 1, 0, "out_features", 8)
                .wire("x.out", "fc.in").build();
    }
}
