package dev.tensorloom.studio.run;

import dev.tensorloom.model.doc.DocumentChange;
import java.nio.file.Path;

/**
 * The weights a finished (or stopped) run trained, saved as {@code weights.safetensors} in {@code folder}
 * with the names of the exported {@code model.state_dict()}, so File → Export… and {@code --weights} read them.
 *
 * @param steps  how many steps trained them
 * @param engine which engine trained them, in words ("DJL", "PyTorch")
 */
public record TrainedWeights(Path folder, long steps, String engine) {
    /** "the last run's weights (300 steps on DJL)". */
    public String describe() {
        return "the last run's weights (" + steps + " step" + (steps == 1 ? "" : "s") + " on " + engine + ")";
    }

    /**
     * Whether a change of the project makes trained weights not fit it any more: blocks, wires or parameters
     * changed. Moving a block, grouping, or changing the training settings leaves the weights as they are.
     */
    public static boolean outdatedBy(DocumentChange change) {
        if (change instanceof DocumentChange.NodeChanged c) {
            return !c.before().type().equals(c.after().type()) || !c.before().params().equals(c.after().params());
        }
        return !(change instanceof DocumentChange.ConfigChanged || change instanceof DocumentChange.GroupChanged);
    }
}
