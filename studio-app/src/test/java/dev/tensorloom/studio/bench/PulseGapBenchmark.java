package dev.tensorloom.studio.bench;

import ai.djl.pytorch.jni.JniUtils;
import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.HeadlessFx;
import dev.tensorloom.studio.StudioWindow;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.main.CatalogModelChecker;
import dev.tensorloom.studio.main.DialogService;
import dev.tensorloom.studio.main.UnsavedChoice;
import dev.tensorloom.studio.main.MainWindowView;
import dev.tensorloom.studio.memory.StandardMemoryAnalyzer;
import dev.tensorloom.studio.run.RunLauncher;
import dev.tensorloom.studio.run.RunServices;
import dev.tensorloom.studio.run.StandardRunLauncher;
import dev.tensorloom.studio.run.TorchThreads;
import dev.tensorloom.studio.task.FxTaskExecutor;
import dev.tensorloom.studio.task.UpdateThrottle;
import dev.tensorloom.templates.TemplateCatalog;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.lang.reflect.Proxy;
import java.util.OptionalInt;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * How smooth the window stays while training at full speed. Opens the studio window on a template with the
 * activation view watching a node, and records the gap between consecutive JavaFX pulses (an
 * {@link AnimationTimer} asks for a pulse every frame) in three kinds of phase, alternated in one run so
 * the machine's load is shared fairly: the window idle (the baseline), training as before this fix
 * (libtorch on every core, trainer at normal priority), and training as the studio does now
 * ({@link TorchThreads#forStudio} threads, trainer at lowered priority). Prints, per kind, the longest gap,
 * p99 and median (target: longest at most 50 ms), GC pauses, the FX thread's CPU time and the throughput.
 * Usage: {@code PulseGapBenchmark [template] [steps] [batch] [node] [rounds]}.
 */
public final class PulseGapBenchmark {
    private static final long IDLE_MILLIS = 4000;

    private PulseGapBenchmark() {
    }

    /** One measured phase: its pulse gaps and what else happened meanwhile. */
    private record Phase(String kind, List<Long> gaps, long gcCount, long gcMillis, long fxCpuNanos,
            long renderCpuNanos, double seconds, int examples) {
    }

    /** A launcher whose behaviour the benchmark switches between runs. */
    private static final class Switch implements RunLauncher {
        volatile RunLauncher current;

        @Override
        public RunHandle prepare(dev.tensorloom.model.doc.Document d, java.nio.file.Path folder,
                dev.tensorloom.execution.session.SnapshotPolicy s, dev.tensorloom.execution.session.RunListener l) {
            return current.prepare(d, folder, s, l);
        }
    }

    public static void main(String[] args) throws Exception {
        String template = args.length > 0 ? args[0] : "transformer-reverse";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        String node = args.length > 3 ? args[3] : "enc1";
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("engine %s, %d cores, load %s%n", ai.djl.engine.Engine.getInstance().getEngineName(), cores,
                Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        HeadlessFx.start();
        TemplateCatalog templates = TemplateCatalog.builtIn();
        Project project = ProjectReader.fromJson(templates.projectJson(template), templates.sourceName(template));
        RunOptions options = RunOptions.PROJECT.withSteps(steps).withBatchSize(batch);
        StandardRunLauncher before = new StandardRunLauncher(RunSetup.standard(), options, false);
        StandardRunLauncher after = new StandardRunLauncher(RunSetup.standard(), options, true);
        Switch launcher = new Switch();
        List<Long> pulses = new ArrayList<>(100_000);
        StudioWindow window = HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            BlockCatalog catalog = BlockCatalog.standard();
            StudioWindow w = new StudioWindow(catalog, templates, new StudioHome(Files.createTempDirectory("pulse")),
                    new FxTaskExecutor(true), silentDialogs(), new CatalogModelChecker(catalog),
                    MainWindowView.WindowActions.NONE, new RunServices(launcher,
                            new StandardMemoryAnalyzer(catalog, OptionalInt.of(batch)), UpdateThrottle.fx()));
            w.viewModel().load(project, null);
            Stage stage = new Stage();
            stage.setScene(w.scene());
            stage.setWidth(1600);
            stage.setHeight(1100);
            stage.show();
            w.editor().canvas().select(List.of(node));
            w.showRunTab(1);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(System.nanoTime());
                }
            }.start();
            return w;
        });
        long fxThread = HeadlessFx.call(() -> Thread.currentThread().getId());
        Thread.sleep(2000);
        List<Phase> phases = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            phases.add(measure("idle", pulses, fxThread, () -> Thread.sleep(IDLE_MILLIS), 0));
            report("  round " + (r + 1) + " idle", List.of(phases.get(phases.size() - 1)), "idle");
            // Alternate which variant goes first, so neither always meets the same moment of machine load.
            for (String kind : r % 2 == 0 ? List.of("before", "after") : List.of("after", "before")) {
                boolean studio = kind.equals("after");
                JniUtils.setNumThreads(studio ? TorchThreads.forStudio(cores) : cores);
                launcher.current = studio ? after : before;
                phases.add(measure(kind, pulses, fxThread, () -> train(window), steps * batch));
                report("  round " + (r + 1) + " " + kind, List.of(phases.get(phases.size() - 1)), kind);
                String state = HeadlessFx.call(() -> window.runPanel().stateProperty().get() + " "
                        + window.runPanel().failureProperty().get());
                if (!state.startsWith("FINISHED")) {
                    System.out.println("run did not finish: " + state);
                }
            }
        }
        System.out.printf("%s, %d steps, batch %d, watching %s, %d rounds%n", template, steps, batch, node, rounds);
        report("idle (baseline)", phases, "idle");
        report("before: " + cores + " torch threads, normal priority", phases, "before");
        report("after: " + TorchThreads.forStudio(cores) + " torch threads, trainer niced", phases, "after");
        System.exit(0);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void train(StudioWindow window) throws Exception {
        HeadlessFx.call(() -> {
            window.runPanel().start();
            return null;
        });
        while (HeadlessFx.call(() -> window.runPanel().stateProperty().get().active())) {
            Thread.sleep(100);
        }
    }

    private static Phase measure(String kind, List<Long> pulses, long fxThread, Work work, int examples)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int first = HeadlessFx.call(pulses::size);
        long[] gc0 = gc();
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long render0 = renderCpu(threads);
        long t0 = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu1 = threads.getThreadCpuTime(fxThread);
        long render1 = renderCpu(threads);
        long[] gc1 = gc();
        List<Long> gaps = HeadlessFx.call(() -> {
            List<Long> g = new ArrayList<>();
            for (int i = first + 1; i < pulses.size(); i++) {
                g.add(pulses.get(i) - pulses.get(i - 1));
            }
            return g;
        });
        return new Phase(kind, gaps, gc1[0] - gc0[0], gc1[1] - gc0[1], cpu1 - cpu0, render1 - render0, seconds,
                examples);
    }

    /** CPU time of JavaFX's render thread, which draws each pulse (in software here) while the next one waits. */
    private static long renderCpu(ThreadMXBean threads) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static void report(String title, List<Phase> phases, String kind) {
        List<Long> gaps = new ArrayList<>();
        double seconds = 0;
        long gcCount = 0;
        long gcMillis = 0;
        long cpu = 0;
        long render = 0;
        long examples = 0;
        List<String> longest = new ArrayList<>();
        for (Phase p : phases) {
            if (p.kind().equals(kind)) {
                gaps.addAll(p.gaps());
                seconds += p.seconds();
                gcCount += p.gcCount();
                gcMillis += p.gcMillis();
                cpu += p.fxCpuNanos();
                render += p.renderCpuNanos();
                examples += p.examples();
                longest.add(String.format("%.0f", p.gaps().stream().mapToLong(Long::longValue).max().orElse(0) / 1e6));
            }
        }
        gaps.sort(null);
        System.out.printf("%s: %.1f s, %d pulses (%.1f/s)%n", title, seconds, gaps.size(), gaps.size() / seconds);
        if (!gaps.isEmpty()) {
            System.out.printf("  pulse gap: median %.1f ms, p99 %.1f ms, longest %.1f ms (per phase: %s ms; target <= 50)%n",
                    gaps.get(gaps.size() / 2) / 1e6, gaps.get((int) (gaps.size() * 0.99)) / 1e6,
                    gaps.get(gaps.size() - 1) / 1e6, String.join(", ", longest));
            System.out.printf("  gaps over 50 ms: %d%n", gaps.stream().filter(g -> g > 50_000_000L).count());
        }
        System.out.printf("  GC: %d collections, %d ms; CPU: FX thread %.0f%%, render thread %.0f%%%s%n", gcCount,
                gcMillis, 100 * cpu / 1e9 / seconds, 100 * render / 1e9 / seconds, examples > 0 ? String.format("; %.0f examples/s", examples / seconds) : "");
    }

    private static DialogService silentDialogs() {
        return (DialogService) Proxy.newProxyInstance(DialogService.class.getClassLoader(),
                new Class<?>[] {DialogService.class}, (p, m, a) -> switch (m.getName()) {
                    case "askToSaveChanges" -> UnsavedChoice.CANCEL;
                    case "offerRecovery" -> false;
                    case "showError" -> null;
                    default -> Optional.empty();
                });
    }
}
