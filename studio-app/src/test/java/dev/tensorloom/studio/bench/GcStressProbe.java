package dev.tensorloom.studio.bench;

import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Trains a template without any window while another thread forces garbage collections, to tell whether
 * a run's non-finite gradients come from collection timing rather than from the studio's views.
 * Usage: {@code GcStressProbe [template] [steps] [gcEveryMillis (0 = none)] [watchedNode]}.
 */
public final class GcStressProbe {
    private GcStressProbe() {
    }

    public static void main(String[] args) throws Exception {
        String template = args.length > 0 ? args[0] : "transformer-reverse";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int gcEvery = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String node = args.length > 3 ? args[3] : "";
        TemplateCatalog t = TemplateCatalog.builtIn();
        var doc = ProjectReader.fromJson(t.projectJson(template), t.sourceName(template)).document();
        if (gcEvery > 0) {
            Thread gc = new Thread(() -> {
                while (true) {
                    System.gc();
                    try {
                        Thread.sleep(gcEvery);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            gc.setDaemon(true);
            gc.start();
        }
        PreparedRun base = RunSetup.standard().prepare(doc, RunOptions.PROJECT.withSteps(steps));
        SnapshotPolicy snapshots = node.isEmpty() ? SnapshotPolicy.NONE : SnapshotPolicy.nodes(Set.of(node), 2);
        try (PreparedRun run = new PreparedRun(base.plan(), base.store(), base.source(),
                base.config().withSnapshots(snapshots), base.training())) {
            String[] outcome = {"finished"};
            TrainingSession s = run.session(new RunListener() {
                @Override
                public void onFailed(RunFailure f) {
                    outcome[0] = "FAILED in step " + f.step() + ": " + f.message();
                }
            });
            s.start();
            s.awaitTermination(10, TimeUnit.MINUTES);
            System.out.printf("%s, %d steps, gc every %d ms, watching '%s': %s%n", template, steps, gcEvery, node,
                    outcome[0]);
        }
        System.exit(0);
    }
}
