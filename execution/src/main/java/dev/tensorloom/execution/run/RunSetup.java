package dev.tensorloom.execution.run;

import dev.tensorloom.execution.compile.CompileException;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.data.FieldSpec;
import dev.tensorloom.execution.data.SyntheticDataset;
import dev.tensorloom.execution.data.UserDataSpec;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.session.SessionConfig;
import dev.tensorloom.execution.train.MetricBinding;
import dev.tensorloom.execution.train.MetricsForDataset;
import dev.tensorloom.model.InvalidInputException;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.validate.Validator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a project into a {@link PreparedRun}: applies the run's overrides to the training
 * configuration, compiles the graph, opens the dataset and chooses the metrics. Shared by the command
 * line and the studio's run panel so both train exactly the same way.
 */
public record RunSetup(BlockCatalog catalog, OpRegistry ops, DatasetRegistry datasets,
        ActivationPlannerFactory schedules) {

    /** The built-in catalog, ops and datasets. */
    public static RunSetup standard() {
        return new RunSetup(BlockCatalog.standard(), OpRegistry.standard(), DatasetRegistry.standard(),
                ActivationPlannerFactory.STANDARD);
    }

    /** The project's configuration with the overrides applied (validated, so bad values fail here). */
    public static TrainingConfig effectiveConfig(TrainingConfig base, RunOptions options) {
        TrainingConfig c = base;
        if (options.steps().isPresent()) {
            if (options.steps().getAsInt() < 1) {
                throw new InvalidInputException("--steps must be at least 1, got " + options.steps().getAsInt());
            }
            c = c.withSteps(options.steps().getAsInt());
        }
        if (options.batchSize().isPresent()) {
            requireBatchSize(options.batchSize().getAsInt());
            c = c.withBatchSize(options.batchSize().getAsInt());
        }
        if (options.device() != null) {
            c = c.withDevice(options.device());
        }
        if (options.checkpointPolicy() != null) {
            c = c.withCheckpointPolicy(options.checkpointPolicy());
        }
        if (options.seed().isPresent()) {
            c = c.withSeed(options.seed().getAsLong());
        }
        return c;
    }

    /** A command line's {@code --batch} has the project file's limits: 1 to {@link TrainingConfig#MAX_BATCH_SIZE}. */
    public static void requireBatchSize(int batch) {
        if (batch < 1 || batch > TrainingConfig.MAX_BATCH_SIZE) {
            throw new InvalidInputException("--batch must be between 1 and " + TrainingConfig.MAX_BATCH_SIZE
                    + " (as a project file's batchSize), got " + batch);
        }
    }

    /**
     * Validates, compiles and opens everything; user mistakes surface as located {@code UserError}s, a graph
     * with errors as the {@link Validator}'s first error (what {@code tensorloom validate} prints).
     */
    public PreparedRun prepare(Document document, RunOptions options) {
        TrainingConfig config = effectiveConfig(document.config(), options);
        Validator.requireValid(document, catalog);
        Plan plan = Compiler.compile(document, catalog, ops, DeviceChoice.parse(config.device()));
        ArrayBatchSource source = openData(config, options.dataFolder());
        if (UserDataSpec.isUserData(config.dataset())) {
            checkInputs(plan, source.fields(), config.dataset());
        }
        ParameterStore store = new ParameterStore(plan.device(), config.seed());
        SessionConfig session = SessionConfig.from(config)
                .withActivations(schedules.create(plan, config.checkpointPolicy()))
                .withMetrics(metricsFor(plan, source, config));
        return new PreparedRun(plan, store, source, session, config);
    }

    private ArrayBatchSource openData(TrainingConfig config, Path dataFolder) {
        String spec = config.dataset();
        if (spec.isBlank()) {
            throw new InvalidInputException("the project names no dataset; choose one in the run panel "
                    + "(for example seq-reverse)");
        }
        if (UserDataSpec.isUserData(spec)) {
            Path folder = dataFolder == null ? Path.of("").toAbsolutePath() : dataFolder;
            return new ArrayBatchSource(UserDataSpec.parse(spec).open(folder, config.seed(),
                    DatasetRegistry.HELD_OUT_BATCH_SIZE));
        }
        if (!datasets.isSynthetic(spec)) {
            throw new InvalidInputException("dataset '" + spec + "' is not a built-in dataset or user data "
                    + "(csv:FILE?features=...&label=... or images:FOLDER?size=N); known: "
                    + String.join(", ", datasets.all().stream().map(d -> d.id()).toList()));
        }
        return new ArrayBatchSource(datasets.open(spec, config.seed()));
    }

    /** Every input node must read a field the user data has, with the element type it has. */
    private static void checkInputs(Plan plan, List<FieldSpec> fields, String spec) {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        for (Step s : plan.sourceSteps()) {
            FieldSpec f = byName.get(s.field());
            if (f == null) {
                throw new CompileException(s.nodeId(), "reads field '" + s.field() + "', but dataset '" + spec
                        + "' has fields " + String.join(", ", byName.keySet()));
            }
            String dtype = s.params().getString("dtype");
            if (dtype != null && !dtype.equals(f.dtype().toString())) {
                throw new CompileException(s.nodeId(), "reads field '" + s.field() + "' as " + dtype
                        + ", but dataset '" + spec + "' gives " + f.dtype() + " (" + f.description() + ")");
            }
        }
    }

    /** The held-out metrics {@link MetricsForDataset} chooses from the graph's loss nodes and the dataset. */
    private static List<MetricBinding> metricsFor(Plan plan, ArrayBatchSource source, TrainingConfig config) {
        if (source.host() instanceof SyntheticDataset data) {
            return MetricsForDataset.forPlan(plan, data, config.batchSize());
        }
        return MetricsForDataset.forPlan(plan, List.of());
    }
}
