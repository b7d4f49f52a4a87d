package dev.tensorloom.studio.problems;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.PopOver;

/**
 * The problems list in a popover above the status bar: one row per problem; a click or Enter on a row jumps to its
 * node. It stays open while the user goes through the rows (Escape or a click elsewhere closes it) and follows
 * each new check, saying "No problems" once they are gone.
 */
final class ProblemsPopover {
    /** A row with a two-line message; longer ones scroll. */
    private static final double ROW_HEIGHT = 66;
    private static final double MIN_HEIGHT = 72;
    private static final double MAX_HEIGHT = 340;
    static final double WIDTH = 480;

    private final PopOver popover;

    ProblemsPopover(ProblemsViewModel vm) {
        ListView<ProblemEntry> list = new ListView<>(vm.problems());
        list.setId("problems-list");
        list.getStyleClass().add("problems-list");
        list.setPlaceholder(new Label("No problems"));
        list.setPrefWidth(WIDTH);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() ->
                Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, vm.problems().size() * ROW_HEIGHT + 4)), vm.problems()));
        list.setCellFactory(l -> {
            ProblemCell cell = new ProblemCell(l);
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !cell.isEmpty()) {
                    vm.jumpTo(cell.getItem());
                }
            });
            return cell;
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.jumpTo(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        // ControlsFX's PopOver, not AtlantaFX's Popover: that one starts a non-daemon java.util.Timer per showing,
        // which kept the JVM alive after Quit.
        popover = new PopOver(list);
        popover.setTitle("Problems");
        popover.setHeaderAlwaysVisible(true);
        popover.setDetachable(false);
        popover.setArrowLocation(PopOver.ArrowLocation.BOTTOM_LEFT);
        popover.setOnShown(e -> list.requestFocus());
    }

    /** Opens the list above {@code owner}, or closes it when it is open. */
    void toggle(Node owner) {
        if (popover.isShowing()) {
            popover.hide();
        } else {
            popover.show(owner);
        }
    }

    boolean isShowing() {
        return popover.isShowing();
    }
}
