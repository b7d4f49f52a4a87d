package dev.tensorloom.studio.memory;

import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The trade-off explorer in the memory view: a heading with the "fit in N MiB" box that picks the fastest plan
 * predicted to fit, the chart of every policy, and a line saying what the points were predicted on.
 */
final class TradeoffPane extends VBox {
    static final String EMPTY_TEXT = "No predictions yet: they appear once the model's costs are known";

    TradeoffPane(TradeoffViewModel vm) {
        super(4);
        setId("memory-tradeoff-pane");
        TradeoffChart chart = new TradeoffChart(EMPTY_TEXT, vm::choose);
        chart.setId("memory-tradeoff");
        chart.setLegendSide(Side.RIGHT);
        chart.setMinSize(0, 0);
        chart.setPrefSize(420, 260);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.show(vm.tradeoffProperty().get());
        vm.tradeoffProperty().addListener((o, a, b) -> chart.show(b));
        vm.measuredProperty().addListener((o, a, b) -> chart.showMeasured(b));
        vm.chosenProperty().addListener((o, a, b) -> chart.setChosen(b));

        Label summary = new Label();
        summary.setId("memory-tradeoff-summary");
        summary.getStyleClass().add("memory-bars-source");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());
        // No setMinHeight(0): the pane's minimum (heading and summary, the chart itself shrinks to nothing)
        // is what the memory view's rows keep for the charts row, so a wrapped summary never spills over them.
        Label title = new Label("Every policy: predicted peak (log)");
        title.getStyleClass().add("memory-tradeoff-title");
        FlowPane heading = new FlowPane(6, 2, title);
        heading.getChildren().addAll(fitControls(vm));
        heading.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(heading, chart, summary);
    }

    /** "Fit in [N] MiB [Fastest plan]" and what it chose. */
    private static List<Node> fitControls(TradeoffViewModel vm) {
        TextField budget = new TextField();
        budget.setId("memory-fit");
        budget.setPrefColumnCount(5);
        budget.setPromptText("MiB");
        // Whole mebibytes only: anything else never reaches the view model.
        budget.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,9}") ? c : null));
        Button fit = new Button("Fastest plan");
        fit.setId("memory-fit-button");
        fit.setTooltip(new Tooltip("Chooses the fastest plan whose predicted peak fits in this many MiB "
                + "and uses it for the next run"));
        fit.disableProperty().bind(vm.tradeoffProperty().isNull().or(budget.textProperty().isEmpty()));
        Runnable request = () -> vm.fitIn(Long.parseLong(budget.getText()));
        fit.setOnAction(e -> request.run());
        budget.setOnAction(e -> {
            if (!fit.isDisabled()) {
                request.run();
            }
        });
        Label result = new Label();
        result.setId("memory-fit-text");
        result.setWrapText(true);
        result.textProperty().bind(vm.fitTextProperty());
        Region gap = new Region();
        gap.setMinWidth(12);
        return List.of(gap, new Label("Fit in"), budget, new Label("MiB"), fit, result);
    }
}
