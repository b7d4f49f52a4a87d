package dev.tensorloom.execution.run;

import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.data.SyntheticDataset;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.session.SessionConfig;
import dev.tensorloom.execution.train.MetricBinding;
import dev.tensorloom.execution.train.MetricsForDataset;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import java.util.List;

/**
 * Turns a project into a {@link PreparedRun}: applies the run's overrides to the training
 * configuration, compiles the graph, opens the dataset and chooses the metrics. Shared by the command
 * line and the studio's run panel so both train exactly the same way.
 */
public final class RunSetup {
    private final BlockCatalog catalog;
    private final OpRegistry ops;
    private final DatasetRegistry datasets;
    private final ActivationScheduleFactory schedules;

    public RunSetup(BlockCatalog catalog, OpRegistry ops, DatasetRegistry datasets, ActivationScheduleFactory schedules) {
        this.catalog = catalog;
        this.ops = ops;
        this.datasets = datasets;
        this.schedules = schedules;
    }

    /** The built-in catalog, ops and datasets. */
    public static RunSetup standard() {
        return new RunSetup(BlockCatalog.standard(), OpRegistry.standard(), DatasetRegistry.standard(),
                ActivationScheduleFactory.STANDARD);
    }

    /** The project's configuration with the overrides applied (validated, so bad values fail here). */
    public static TrainingConfig effectiveConfig(TrainingConfig base, RunOptions options) {
        TrainingConfig c = base;
        if (options.steps().isPresent()) {
            if (options.steps().getAsInt() < 1) {
                throw new IllegalArgumentException("--steps must be at least 1, got " + options.steps().getAsInt());
            }
            c = c.withSteps(options.steps().getAsInt());
        }
        if (options.batchSize().isPresent()) {
            if (options.batchSize().getAsInt() < 1) {
                throw new IllegalArgumentException("--batch must be at least 1, got " + options.batchSize().getAsInt());
            }
            c = c.withBatchSize(options.batchSize().getAsInt());
        }
        if (options.device() != null) {
            c = c.withDevice(options.device());
        }
        if (options.checkpointPolicy() != null) {
            c = c.withCheckpointPolicy(options.checkpointPolicy());
        }
        return c;
    }

    /** Compiles and opens everything; user mistakes surface as located {@code UserError}s. */
    public PreparedRun prepare(Document document, RunOptions options) {
        TrainingConfig config = effectiveConfig(document.config(), options);
        Plan plan = Compiler.compile(document, catalog, ops, DeviceChoice.parse(config.device()));
        ArrayBatchSource source = openData(config);
        ParameterStore store = new ParameterStore(plan.device(), config.seed());
        SessionConfig session = SessionConfig.from(config)
                .withActivations(schedules.create(plan, config.checkpointPolicy()))
                .withMetrics(metricsFor(plan, source, config));
        return new PreparedRun(plan, store, source, session, config);
    }

    private ArrayBatchSource openData(TrainingConfig config) {
        String spec = config.dataset();
        if (spec.isBlank()) {
            throw new IllegalArgumentException("the project names no dataset; choose one in the run panel "
                    + "(for example seq-reverse)");
        }
        if (!datasets.isSynthetic(spec)) {
            throw new IllegalArgumentException("dataset '" + spec + "' is not a built-in dataset; known: "
                    + String.join(", ", datasets.all().stream().map(d -> d.id()).toList()));
        }
        return new ArrayBatchSource(datasets.open(spec, config.seed()));
    }

    /** The held-out metrics {@link MetricsForDataset} chooses from the graph's loss nodes and the dataset. */
    private static List<MetricBinding> metricsFor(Plan plan, ArrayBatchSource source, TrainingConfig config) {
        if (source.host() instanceof SyntheticDataset data) {
            return MetricsForDataset.forPlan(plan, data, config.batchSize());
        }
        return MetricsForDataset.forPlan(plan, List.of());
    }
}
