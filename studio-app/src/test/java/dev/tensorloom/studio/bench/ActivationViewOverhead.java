package dev.tensorloom.studio.bench;

import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.ActivationSnapshot;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.activation.ActivationViewModel;
import dev.tensorloom.studio.task.UpdateThrottle;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Not a unit test: what watching a node in the activation view costs training. Trains a template
 * without snapshots and while the view watches a node (snapshots every 2 steps, model pictures every
 * 50 and after the last), alternating, and prints the summed step times (each step's time includes its
 * snapshots and pictures) and their ratio. Usage: {@code ActivationViewOverhead [template] [node] [steps]
 * [batch] [rounds]}; run with
 * {@code java -cp studio-app/target/test-classes:studio-app/target/studio-app.jar:studio-app/target/lib/* dev.tensorloom.studio.bench.ActivationViewOverhead}.
 */
public final class ActivationViewOverhead {
    private ActivationViewOverhead() {
    }

    public static void main(String[] args) throws Exception {
        String template = args.length > 0 ? args[0] : "realnvp-moons";
        String node = args.length > 1 ? args[1] : "c8";
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        double plain = 0;
        double watched = 0;
        for (int r = 0; r < rounds; r++) {
            double a = train(template, steps, batch, null);
            ActivationViewModel vm = new ActivationViewModel(UpdateThrottle.direct());
            vm.setSelection(Set.of(node));
            double b = train(template, steps, batch, vm);
            System.out.printf("round %d: plain %.3f s, watching %s %.3f s, ratio %.3f%n", r, a, node, b, b / a);
            plain += a;
            watched += b;
        }
        System.out.printf("%s, %d steps x %d rounds: watching %s costs x%.3f of plain training%n", template, steps,
                rounds, node, watched / plain);
        System.exit(0);
    }

    /** Summed step seconds of one run. */
    private static double train(String template, int steps, int batch, ActivationViewModel vm) throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        RunOptions options = RunOptions.PROJECT.withSteps(steps);
        PreparedRun base = RunSetup.standard().prepare(ProjectReader.fromJson(catalog.projectJson(template),
                catalog.sourceName(template)).document(), batch > 0 ? options.withBatchSize(batch) : options);
        double[] seconds = new double[1];
        SnapshotPolicy policy = vm == null ? SnapshotPolicy.NONE : vm.snapshotPolicy();
        RunListener listener = new RunListener() {
            @Override
            public void onStep(StepMetrics m) {
                seconds[0] += base.config().batchSize() / m.examplesPerSecond();
            }

            @Override
            public void onActivation(ActivationSnapshot s) {
                if (vm != null) {
                    vm.onActivation(s);
                }
            }
        };
        try (PreparedRun run = new PreparedRun(base.plan(), base.store(), base.source(),
                base.config().withSnapshots(policy), base.training())) {
            TrainingSession session = run.session(listener);
            session.start();
            session.awaitTermination(1, TimeUnit.HOURS);
        }
        return seconds[0];
    }
}
