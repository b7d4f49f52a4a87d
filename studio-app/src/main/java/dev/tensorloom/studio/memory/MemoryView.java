package dev.tensorloom.studio.memory;

import dev.tensorloom.studio.run.ChartPlaceholder;
import dev.tensorloom.studio.run.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The memory view: policy picker and budget slider (each re-plans at once, before any run on costs
 * estimated from shapes), the timeline of one training step (ledger and measured bytes, {@code none}
 * against the policy, peaks marked), saved bytes of the largest nodes, replay controls that step the
 * canvas through the schedule, and the plan's prediction in plain words, saying where its numbers come from.
 */
public final class MemoryView extends VBox {
    /** Replay speed: samples per second while playing. */
    private static final double REPLAY_RATE = 25;

    private final MemoryViewModel vm;
    static final String EMPTY_TEXT = "No measurement yet: press “Measure none vs policy”";

    private final MemoryTimelineChart timeline = new MemoryTimelineChart();
    private final BarChart<String, Number> bars = new BarChart<>(new CategoryAxis(), new NumberAxis());

    public MemoryView(MemoryViewModel vm) {
        super(6);
        this.vm = vm;
        getStyleClass().add("memory-view");
        setPadding(new Insets(6));
        HBox charts = charts();
        // The charts give up height first, so the replay controls and the prediction's text stay in view.
        VBox.setVgrow(charts, Priority.ALWAYS);
        charts.setMinHeight(140);
        getChildren().addAll(controls(), charts, replay(), prediction());
    }

    private HBox controls() {
        ComboBox<String> policy = new ComboBox<>();
        policy.setId("memory-policy");
        policy.setEditable(true);
        policy.getItems().setAll("sqrt", "every-k:4", "revolve:4", "budget:64");
        policy.setValue("sqrt");
        Button analyse = new Button("Measure none vs policy", new FontIcon(Feather.ACTIVITY));
        analyse.setId("memory-analyse");
        analyse.setOnAction(e -> vm.analyze(policy.getValue()));
        analyse.disableProperty().bind(vm.busyProperty());
        // Picking a policy plans it at once, on whatever costs the view model has (estimated or measured).
        policy.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                vm.replan(b);
            }
        });
        Button plan = new Button("Plan (no run)", new FontIcon(Feather.GIT_BRANCH));
        plan.setId("memory-plan");
        plan.setOnAction(e -> vm.replan(policy.getValue()));
        plan.disableProperty().bind(vm.basisProperty().isNull());
        Slider budget = new Slider(1, 256, 64);
        budget.setId("memory-budget");
        budget.setPrefWidth(180);
        budget.disableProperty().bind(vm.basisProperty().isNull());
        boolean[] fitting = {false};
        vm.basisProperty().addListener((o, a, b) -> {
            if (b != null) {
                // The slider spans up to the no-checkpointing peak; moving it there is not a request to plan.
                double peak = b.none().plan().peakBytes() / TimelineSeries.MIB;
                fitting[0] = true;
                budget.setMax(Math.max(2, Math.ceil(peak)));
                budget.setValue(budget.getMax() / 2);
                fitting[0] = false;
            }
        });
        Label budgetText = new Label();
        budgetText.textProperty().bind(budget.valueProperty().asString("budget %.0f MiB"));
        budget.valueProperty().addListener((o, a, b) -> {
            if (!budget.isDisabled() && !fitting[0]) {
                vm.replanBudget(Math.round(b.doubleValue()));
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("memory-status");
        status.textProperty().bind(vm.statusProperty());
        HBox row = new HBox(8, new Label("Policy"), policy, analyse, plan, budget, budgetText, busy, status);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox charts() {
        timeline.setId("memory-timeline");
        timeline.setTitle("One training step: MiB held after each schedule action (forward, drop, recompute, backward)");
        ((NumberAxis) timeline.getXAxis()).setLabel("schedule action");
        ((NumberAxis) timeline.getYAxis()).setLabel("MiB");
        ChartPlaceholder empty = new ChartPlaceholder(timeline, EMPTY_TEXT);
        timeline.addPlaceholder(empty);
        bindSeries(timeline.addSeries("none · ledger"), vm.baselineLedgerProperty());
        bindSeries(timeline.addSeries("none · measured"), vm.baselineMeasuredProperty());
        bindSeries(timeline.addSeries("policy · ledger"), vm.policyLedgerProperty());
        bindSeries(timeline.addSeries("policy · measured"), vm.policyMeasuredProperty());
        vm.peakMarksProperty().addListener((o, a, b) -> timeline.setPeaks(b));
        vm.analysisProperty().addListener((o, a, b) -> empty.show(b == null));
        vm.replayIndexProperty().addListener((o, a, b) -> timeline.setCursor(b.intValue()));
        vm.policyNameProperty().addListener((o, a, b) -> {
            timeline.getData().get(2).setName(b + " · ledger");
            timeline.getData().get(3).setName(b + " · measured");
        });
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.setPrefSize(640, 260);

        bars.setId("memory-node-bytes");
        bars.setTitle(barsTitle(null));
        vm.basisProperty().addListener((o, a, b) -> bars.setTitle(barsTitle(b)));
        bars.setAnimated(false);
        bars.setLegendVisible(false);
        // Many categories share a narrow chart: thin gaps keep the bars readable.
        bars.setCategoryGap(2);
        bars.setBarGap(0);
        bars.setPrefSize(420, 260);
        XYChart.Series<String, Number> barSeries = new XYChart.Series<>();
        bars.getData().add(barSeries);
        vm.nodeBytesProperty().addListener((o, a, b) -> {
            List<XYChart.Data<String, Number>> data = new ArrayList<>();
            for (NodeBytes n : b) {
                XYChart.Data<String, Number> d = new XYChart.Data<>(n.nodeId(), n.bytes() / TimelineSeries.MIB);
                data.add(d);
            }
            barSeries.getData().setAll(data);
            // Bar nodes exist once laid out in the chart; tag each with its treatment for the stylesheet.
            for (int i = 0; i < data.size(); i++) {
                if (data.get(i).getNode() != null) {
                    data.get(i).getNode().getStyleClass().add("treatment-" + b.get(i).treatment());
                }
            }
        });
        VBox barBox = new VBox(2, bars, treatmentLegend());
        VBox.setVgrow(bars, Priority.ALWAYS);
        // Before a measurement the bars show the estimated bytes; with no basis there is nothing to show.
        barBox.visibleProperty().bind(vm.basisProperty().isNotNull());
        return new HBox(6, timeline, barBox);
    }

    private static String barsTitle(PlanningBasis b) {
        String source = b == null ? "" : ", " + b.source().words();
        return "Saved activation MiB per node" + source + " (largest " + MemoryViewModel.BARS + ")";
    }

    /** Which bar colour means what: the colours live in the stylesheet. */
    private static HBox treatmentLegend() {
        HBox legend = new HBox(10);
        legend.setId("memory-treatment-legend");
        legend.setAlignment(Pos.CENTER);
        for (String t : List.of("stored", "checkpoint", "dropped")) {
            javafx.scene.layout.Region swatch = new javafx.scene.layout.Region();
            swatch.getStyleClass().addAll("treatment-swatch", "treatment-" + t);
            Label text = new Label(t, swatch);
            legend.getChildren().add(text);
        }
        return legend;
    }

    private static void bindSeries(XYChart.Series<Number, Number> series, ObservableValue<List<ChartPoint>> points) {
        points.addListener((o, a, b) -> MemoryTimelineChart.show(series, b));
    }

    private VBox prediction() {
        Label peaks = new Label();
        peaks.setId("memory-peaks");
        wrap(peaks);
        peaks.textProperty().bind(vm.peaksProperty());
        peaks.visibleProperty().bind(vm.peaksProperty().isNotEmpty());
        peaks.managedProperty().bind(peaks.visibleProperty());
        Label headline = new Label();
        headline.setId("memory-plan-headline");
        headline.getStyleClass().add("memory-plan-headline");
        wrap(headline);
        Label explanation = new Label();
        explanation.setId("memory-explanation");
        wrap(explanation);
        explanation.getStyleClass().add("memory-explanation");
        Runnable show = () -> {
            PolicyPrediction p = vm.predictionProperty().get();
            String notice = vm.planNoticeProperty().get();
            // Without a prediction (estimating, an empty model, errors) the headline says why instead.
            headline.setText(p == null ? notice : p.headline());
            explanation.setText(p == null ? "" : p.explanation());
        };
        vm.predictionProperty().addListener((o, a, b) -> show.run());
        vm.planNoticeProperty().addListener((o, a, b) -> show.run());
        show.run();
        return new VBox(2, peaks, headline, explanation);
    }

    /** Long text wraps onto more lines instead of ending in "…". */
    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    private HBox replay() {
        Timeline player = new Timeline(new KeyFrame(Duration.seconds(1 / REPLAY_RATE), e -> vm.stepForward()));
        player.setCycleCount(Animation.INDEFINITE);
        vm.playingProperty().addListener((o, was, now) -> {
            if (now) {
                player.play();
            } else {
                player.stop();
            }
        });
        Button play = new Button(null, new FontIcon(Feather.PLAY));
        play.setId("replay-play");
        play.setOnAction(e -> {
            if (vm.playingProperty().get()) {
                vm.pause();
            } else {
                vm.play();
            }
        });
        vm.playingProperty().addListener((o, was, now) ->
                play.setGraphic(new FontIcon(now ? Feather.PAUSE : Feather.PLAY)));
        Button back = new Button(null, new FontIcon(Feather.SKIP_BACK));
        back.setId("replay-back");
        back.setOnAction(e -> vm.stepBack());
        Button step = new Button(null, new FontIcon(Feather.SKIP_FORWARD));
        step.setId("replay-step");
        step.setOnAction(e -> vm.stepForward());
        Slider scrub = new Slider(-1, 0, -1);
        scrub.setId("replay-scrub");
        scrub.maxProperty().bind(vm.replayLengthProperty().subtract(1));
        HBox.setHgrow(scrub, Priority.ALWAYS);
        vm.replayIndexProperty().addListener((o, a, b) -> {
            if (!scrub.isValueChanging()) {
                scrub.setValue(b.intValue());
            }
        });
        scrub.valueProperty().addListener((o, a, b) -> {
            if (Math.round(b.doubleValue()) != vm.replayIndexProperty().get()) {
                vm.seek((int) Math.round(b.doubleValue()));
            }
        });
        Label text = new Label();
        text.setId("replay-text");
        text.textProperty().bind(vm.replayTextProperty());
        for (var b : List.of(play, back, step, scrub)) {
            b.disableProperty().bind(vm.replayLengthProperty().isEqualTo(0));
        }
        HBox row = new HBox(6, new Label("Replay on the canvas"), back, play, step, scrub, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
