package dev.tensorloom.studio.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a use-after-free: DJL's {@code mul/div/pow(Number)} builds a scalar over a Java
 * buffer that autograd keeps for backward; a garbage collection between forward and backward freed it and
 * turned gradients into NaN. With collections forced every few milliseconds, training must run to its end
 * and give exactly the loss curve of a run without them.
 */
class GarbageCollectionDuringTrainingTest {
    private static final int STEPS = 6;

    @Test
    void forcedCollectionsChangeNothing() throws Exception {
        List<Double> quiet = train(false);
        List<Double> stressed = train(true);
        assertEquals(quiet, stressed);
    }

    private static List<Double> train(boolean collect) throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        Document doc = ProjectReader.fromJson(catalog.projectJson("transformer-reverse"), "transformer-reverse.tlm")
                .document();
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        if (collect) {
            collector.start();
        }
        AtomicReference<RunFailure> failure = new AtomicReference<>();
        try (PreparedRun run = RunSetup.standard().prepare(doc,
                RunOptions.PROJECT.withSteps(STEPS).withBatchSize(16))) {
            TrainingSession session = run.session(new RunListener() {
                @Override
                public void onFailed(RunFailure f) {
                    failure.set(f);
                }
            });
            session.start();
            session.awaitTermination(5, TimeUnit.MINUTES);
            assertNull(failure.get(), () -> "training failed: " + failure.get().message());
            return session.summary().losses();
        } finally {
            collector.interrupt();
        }
    }
}
