package dev.tensorloom.studio.memory;

import dev.tensorloom.studio.ui.LiveScrollPane;
import dev.tensorloom.studio.ui.ChartPlaceholder;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
public final class MemoryView extends ScrollPane {
    /** Replay speed: samples per second while playing. */
    private static final double REPLAY_RATE = 25;
    /** Widest the bars' legend may be: "estimated from shapes" wraps onto two lines. */
    private static final double LEGEND_WIDTH = 90;

    private final MemoryViewModel vm;
    static final javafx.css.PseudoClass STALE = javafx.css.PseudoClass.getPseudoClass("stale");
    static final String EMPTY_TEXT = MeasuringViewModel.NO_MEASUREMENT;

    private final MemoryTimelineChart timeline = new MemoryTimelineChart();
    private final BarChart<String, Number> bars = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final MemoryRows rows;

    public MemoryView(MemoryViewModel vm, TradeoffViewModel tradeoff) {
        this.vm = vm;
        getStyleClass().add("memory-view");
        rows = new MemoryRows(controls(), charts(new TradeoffPane(tradeoff)), replay(vm.replay()),
                new PlanTextPane(vm));
        setContent(rows);
        // The rows fill the tab; only a tab shorter than their minimum scrolls them.
        setFitToWidth(true);
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        // The replay moves a cursor 25 times a second.
        LiveScrollPane.uncacheViewport(this);
    }

    /** What each policy does; budget:N minimises recomputation time, not memory. */
    static final String POLICY_TOOLTIP = dev.tensorloom.studio.ui.PolicyHelp.TOOLTIP;

    MemoryViewModel viewModel() {
        return vm;
    }

    MemoryRows rows() {
        return rows;
    }

    private FlowPane controls() {
        ComboBox<String> policy = new ComboBox<>();
        policy.setId("memory-policy");
        policy.setEditable(true);
        policy.getItems().setAll("sqrt", "every-k:4", "revolve:4", "budget:64");
        policy.setTooltip(new Tooltip(POLICY_TOOLTIP));
        policy.setValue("sqrt");
        Button analyse = new Button("Measure none vs policy", new FontIcon(Feather.ACTIVITY));
        analyse.setId("memory-analyse");
        analyse.setOnAction(e -> vm.analyze(policy.getValue()));
        analyse.disableProperty().bind(vm.busyProperty());
        // Picking a policy plans it at once, on whatever costs the view model has (estimated or measured).
        policy.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.isBlank() && !b.equals(vm.pickedPolicyProperty().get())) {
                vm.replan(b);
            }
        });
        // A policy chosen elsewhere (the trade-off chart, a measurement) shows in the box.
        vm.pickedPolicyProperty().addListener((o, a, b) -> {
            if (!b.equals(policy.getValue())) {
                policy.setValue(b);
            }
        });
        Button plan = new Button("Plan (no run)", new FontIcon(Feather.GIT_BRANCH));
        plan.setId("memory-plan");
        plan.setOnAction(e -> vm.replan(policy.getValue()));
        plan.disableProperty().bind(vm.basisProperty().isNull());
        Slider budget = new Slider(1, 256, 64);
        budget.setId("memory-budget");
        budget.setTooltip(new Tooltip("Plans budget:N (N MiB): of the plans whose predicted peak of saved activations "
                + "fits the budget, the one with the least recomputation time (it does not make memory as small as it "
                + "can)."));
        budget.setPrefWidth(180);
        budget.disableProperty().bind(vm.basisProperty().isNull());
        boolean[] fitting = {false};
        vm.basisProperty().addListener((o, a, b) -> {
            if (b != null) {
                // The slider spans up to the no-checkpointing peak; moving it there is not a request to plan.
                double peak = b.none().plan().peakBytes() / TimelineSeries.MIB;
                fitting[0] = true;
                budget.setMax(Math.max(2, Math.ceil(peak)));
                budget.setValue(BudgetSlider.budgetOf(vm.pickedPolicyProperty().get()).orElse(budget.getMax() / 2));
                fitting[0] = false;
            }
        });
        // A budget picked in the box or on the trade-off chart moves the slider there, so both say the same.
        vm.pickedPolicyProperty().addListener((o, a, b) -> BudgetSlider.budgetOf(b).ifPresent(mib -> {
            fitting[0] = true;
            budget.setMax(Math.max(budget.getMax(), mib));
            budget.setValue(mib);
            fitting[0] = false;
        }));
        Label budgetText = new Label();
        budgetText.textProperty().bind(budget.valueProperty().asString("budget %.0f MiB"));
        budget.valueProperty().addListener((o, a, b) -> {
            if (!budget.isDisabled() && !fitting[0]) {
                vm.replanBudget(Math.round(b.doubleValue()));
            }
        });
        // The slider sets a budget, so it shows only while the policy is one (pick budget:… in the box).
        javafx.beans.binding.BooleanBinding budgetPicked = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.pickedPolicyProperty().get().startsWith("budget"), vm.pickedPolicyProperty());
        for (javafx.scene.Node n : java.util.List.of(budget, budgetText)) {
            n.visibleProperty().bind(budgetPicked);
            n.managedProperty().bind(budgetPicked);
        }
        Label status = new Label();
        status.setId("memory-status");
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.busyProperty().not());
        status.managedProperty().bind(status.visibleProperty());
        Label stale = new Label();
        stale.setId("memory-stale");
        stale.getStyleClass().add("memory-stale");
        stale.textProperty().bind(javafx.beans.binding.Bindings.format(
                "The timeline is %s's measurement; measure again for %s", vm.policyNameProperty(), vm.pickedPolicyProperty()));
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        // In a narrow window the controls wrap onto a second line instead of ending in "…".
        FlowPane row = new FlowPane(8, 4, new Label("Policy"), policy, analyse, plan, budget, budgetText,
                new MeasuringBar(vm.measuring(), vm.busyProperty()), status, stale);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox charts(TradeoffPane tradeoff) {
        timeline.setId("memory-timeline");
        // The title names the x axis, so the axis needs no label line of its own; the chart is wide and
        // short, so the legend goes to the right (at the bottom a short chart drops it for want of room).
        timeline.setTitle("One training step: MiB held after each schedule action (forward, drop, recompute, backward)");
        timeline.setLegendSide(Side.RIGHT);
        ((NumberAxis) timeline.getYAxis()).setLabel("MiB");
        ChartPlaceholder empty = new ChartPlaceholder(timeline, EMPTY_TEXT);
        // While it measures the empty chart says so, not that nothing was measured.
        empty.label().textProperty().bind(vm.measuring().chartNoticeProperty());
        timeline.addPlaceholder(empty);
        // A measurement of another policy than the one picked stays, greyed out (the controls row says whose it is).
        vm.staleProperty().addListener((o, a, b) -> timeline.pseudoClassStateChanged(STALE, b));
        bindSeries(timeline.addSeries("none · ledger"), vm.timelines().baselineLedgerProperty());
        bindSeries(timeline.addSeries("none · measured (CPU, lower bound)"), vm.timelines().baselineMeasuredProperty());
        bindSeries(timeline.addSeries("policy · ledger"), vm.timelines().policyLedgerProperty());
        bindSeries(timeline.addSeries("policy · measured (CPU, lower bound)"), vm.timelines().policyMeasuredProperty());
        vm.timelines().peakMarksProperty().addListener((o, a, b) -> timeline.setPeaks(b));
        vm.analysisProperty().addListener((o, a, b) -> empty.show(b == null));
        vm.replay().indexProperty().addListener((o, a, b) -> timeline.setCursor(b.intValue()));
        vm.policyNameProperty().addListener((o, a, b) -> {
            timeline.getData().get(2).setName(b + " · ledger");
            timeline.getData().get(3).setName(b + " · measured");
        });
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.setPrefSize(640, 260);

        bars.setId("memory-node-bytes");
        bars.setTitle("Saved MiB per node (largest " + MemoryViewModel.BARS + ")");
        bars.setAnimated(false);
        bars.setLegendVisible(false);
        // Many categories share a narrow chart: thin gaps keep the bars readable.
        bars.setCategoryGap(2);
        bars.setBarGap(0);
        bars.setPrefSize(420, 260);
        vm.nodeBytesProperty().addListener((o, a, b) -> showBars(bars, b, vm));
        // The view model may have planned before this view exists: show what it has now, too.
        showBars(bars, vm.nodeBytesProperty().get(), vm);
        vm.expandedBarProperty().addListener((o, a, b) -> bars.setTitle(b == null
                ? "Saved MiB per node (largest " + MemoryViewModel.BARS + ")"
                : "Saved MiB inside one block (click a bar to fold it)"));
        // Like the timeline's, the legend stands beside the chart: below it, it would take the short chart's height.
        HBox barBox = new HBox(4, bars, treatmentLegend(vm));
        HBox.setHgrow(bars, Priority.ALWAYS);
        // Before a measurement the bars show the estimated bytes; with no basis there is nothing to show.
        barBox.visibleProperty().bind(vm.basisProperty().isNotNull());
        // The charts squeeze into the height the view gives them rather than spill over the rows below.
        timeline.setMinHeight(0);
        bars.setMinHeight(0);
        barBox.setMinHeight(0);
        HBox.setHgrow(tradeoff, Priority.ALWAYS);
        return new HBox(6, timeline, barBox, tradeoff);
    }

    private static void showBars(BarChart<String, Number> chart, List<NodeBytes> nodes, MemoryViewModel vm) {
        List<XYChart.Data<String, Number>> data = new ArrayList<>();
        for (NodeBytes n : nodes) {
            // Categories by id, not label: ids are unique (two copies of a saved block share a label and would
            // merge into one bar) and short (rotated labels take the short chart's height); tooltips name groups.
            data.add(new XYChart.Data<>(n.nodeId(), n.bytes() / TimelineSeries.MIB));
        }
        // A fresh series rather than new data in the old one: seen in the studio at 1280x800, the estimated
        // bars in the old series left the chart empty (no categories) until the next measurement.
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.getData().setAll(data);
        chart.getData().setAll(List.of(series));
        // Bar nodes exist once laid out in the chart; tag each with its treatment for the stylesheet.
        for (int i = 0; i < data.size(); i++) {
            javafx.scene.Node bar = data.get(i).getNode();
            NodeBytes n = nodes.get(i);
            if (bar != null) {
                bar.getStyleClass().add("treatment-" + n.treatment());
                // A group's bar opens into the items inside it; any bar of an open group folds it again.
                String target = n.group() ? n.nodeId() : vm.expandedBarProperty().get();
                if (target != null) {
                    bar.getStyleClass().add("memory-bar-group");
                    bar.setOnMouseClicked(e -> vm.toggleBar(target));
                    javafx.scene.control.Tooltip.install(bar, new javafx.scene.control.Tooltip(String.format(
                            "%s: %s saved, %s%s", n.label(), PolicyPrediction.mib(n.bytes()), n.treatment(),
                            n.group() ? " (most of it)\nclick to see what is inside" : "\nclick to fold the group")));
                }
            }
        }
    }

    /** Which bar colour means what (the colours live in the stylesheet), and where the bytes come from. */
    private static VBox treatmentLegend(MemoryViewModel vm) {
        VBox legend = new VBox(4);
        legend.setId("memory-treatment-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setMinHeight(0);
        // A narrow window narrows the bars, not the legend's words.
        legend.setMinWidth(Region.USE_PREF_SIZE);
        for (String t : List.of("stored", "checkpoint", "dropped")) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("treatment-swatch", "treatment-" + t);
            Label text = new Label(t, swatch);
            legend.getChildren().add(text);
        }
        // The source sits by the bars rather than in the title, which has no room for it.
        Label source = new Label();
        source.setId("memory-node-bytes-source");
        source.getStyleClass().add("memory-bars-source");
        source.setWrapText(true);
        source.setMaxWidth(LEGEND_WIDTH);
        source.textProperty().bind(vm.basisProperty().map(b -> b.source().words()).orElse(""));
        legend.getChildren().add(source);
        return legend;
    }

    private static void bindSeries(XYChart.Series<Number, Number> series, ObservableValue<List<ChartPoint>> points) {
        points.addListener((o, a, b) -> MemoryTimelineChart.show(series, b));
    }

    private HBox replay(ReplayViewModel vm) {
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
        scrub.maxProperty().bind(vm.lengthProperty().subtract(1));
        HBox.setHgrow(scrub, Priority.ALWAYS);
        vm.indexProperty().addListener((o, a, b) -> {
            if (!scrub.isValueChanging()) {
                scrub.setValue(b.intValue());
            }
        });
        scrub.valueProperty().addListener((o, a, b) -> {
            if (Math.round(b.doubleValue()) != vm.indexProperty().get()) {
                vm.seek((int) Math.round(b.doubleValue()));
            }
        });
        Label text = new Label();
        text.setId("replay-text");
        text.textProperty().bind(vm.textProperty());
        for (var b : List.of(play, back, step, scrub)) {
            b.disableProperty().bind(vm.lengthProperty().isEqualTo(0));
        }
        HBox row = new HBox(6, new Label("Replay on the canvas"), back, play, step, scrub, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
