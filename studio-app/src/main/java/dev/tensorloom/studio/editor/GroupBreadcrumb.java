package dev.tensorloom.studio.editor;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The breadcrumb over the canvas while a group is open: "Model › Encoder › Attention", each step but the last
 * a link back to its level. Hidden at the top level.
 */
public final class GroupBreadcrumb extends HBox {
    static final String STYLE = "group-breadcrumb";

    private final Document doc;
    private final ObservableValue<String> scope;
    private final Consumer<String> open;

    /** @param open shows a level (null: the top) */
    public GroupBreadcrumb(Document doc, ObservableValue<String> scope, Consumer<String> open) {
        super(4);
        this.doc = doc;
        this.scope = scope;
        this.open = open;
        setId("group-breadcrumb");
        getStyleClass().add(STYLE);
        setAlignment(Pos.CENTER_LEFT);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setPickOnBounds(false);
        scope.addListener((o, a, b) -> refresh());
        doc.addListener(change -> {
            if (change instanceof DocumentChange.GroupChanged && scope.getValue() != null) {
                refresh();
            }
        });
        refresh();
    }

    private void refresh() {
        List<GroupPath.Step> steps = GroupPath.of(doc, scope.getValue());
        getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            GroupPath.Step step = steps.get(i);
            if (i > 0) {
                getChildren().add(new Label("›"));
            }
            if (i == steps.size() - 1) {
                Label here = new Label(step.label());
                here.getStyleClass().add("group-breadcrumb-here");
                getChildren().add(here);
            } else {
                Hyperlink link = new Hyperlink(step.label());
                link.setTooltip(new Tooltip("Back to " + (step.groupId() == null ? "the whole model" : step.label())));
                link.setOnAction(e -> open.accept(step.groupId()));
                getChildren().add(link);
            }
        }
        setVisible(steps.size() > 1);
        setManaged(isVisible());
    }
}
