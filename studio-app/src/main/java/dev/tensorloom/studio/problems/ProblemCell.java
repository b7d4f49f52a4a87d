package dev.tensorloom.studio.problems;

import dev.tensorloom.model.validate.Problem;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One row of the problems list: the severity's icon, where (node title and port or parameter), the message. */
final class ProblemCell extends ListCell<ProblemEntry> {
    /** Room the icon and paddings take beside the text, so long messages wrap inside the list. */
    private static final double TEXT_INSET = 56;

    private final FontIcon icon = new FontIcon();
    private final Label where = new Label();
    private final Label message = new Label();
    private final HBox row;

    ProblemCell(ListView<ProblemEntry> list) {
        getStyleClass().add("problem-entry");
        where.getStyleClass().add("problem-location");
        message.getStyleClass().add("problem-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.maxWidthProperty().bind(list.widthProperty().subtract(TEXT_INSET));
        VBox text = new VBox(2, where, message);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(8, icon, text);
        row.setAlignment(Pos.TOP_LEFT);
    }

    @Override
    protected void updateItem(ProblemEntry item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        icon.setIconCode(icon(item.severity()));
        icon.getStyleClass().setAll("ikonli-font-icon", severityClass(item.severity()));
        where.setText(item.location());
        message.setText(item.message());
        setGraphic(row);
    }

    static Feather icon(Problem.Severity severity) {
        return severity == Problem.Severity.ERROR ? Feather.ALERT_CIRCLE : Feather.ALERT_TRIANGLE;
    }

    /** {@code problem-error} or {@code problem-warning}: the stylesheet colours the icon. */
    static String severityClass(Problem.Severity severity) {
        return severity == Problem.Severity.ERROR ? "problem-error" : "problem-warning";
    }
}
