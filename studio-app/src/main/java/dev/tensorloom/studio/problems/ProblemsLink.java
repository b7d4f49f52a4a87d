package dev.tensorloom.studio.problems;

import dev.tensorloom.model.validate.Problem;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The status bar's verdict ("1 error, 1 warning") as a link with the worst severity's icon: while there are
 * problems it opens the problems list; with none it reads as plain text and does nothing.
 */
public final class ProblemsLink extends Hyperlink {
    private final FontIcon icon = new FontIcon();
    private final ProblemsPopover popover;

    public ProblemsLink(ObservableStringValue verdict, ProblemsViewModel vm) {
        setId("status-problems");
        getStyleClass().add("status-problems");
        textProperty().bind(verdict);
        setGraphic(icon);
        setTooltip(new Tooltip("Show problems"));
        disableProperty().bind(vm.anyProperty().not());
        popover = new ProblemsPopover(vm);
        showSeverity(vm.worstProperty().get());
        vm.worstProperty().addListener((o, a, worst) -> showSeverity(worst));
        setOnAction(e -> {
            setVisited(false);
            popover.toggle(this);
        });
    }

    private void showSeverity(Problem.Severity worst) {
        icon.setIconCode(worst == null ? Feather.CHECK_CIRCLE : ProblemCell.icon(worst));
        icon.getStyleClass().setAll("ikonli-font-icon", worst == null ? "problem-none" : ProblemCell.severityClass(worst));
    }

    /** Whether the list is open (tests). */
    public boolean isListShowing() {
        return popover.isShowing();
    }
}
