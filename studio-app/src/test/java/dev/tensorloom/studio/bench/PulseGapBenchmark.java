package dev.tensorloom.studio.bench;

import ai.djl.pytorch.jni.JniUtils;
import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
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
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
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
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * How smooth the window stays while training at full speed. Opens the studio window on a template with the
 * activation view watching a node, and records the gap between consecutive JavaFX pulses (an
 * {@link AnimationTimer} asks for a pulse every frame) in three kinds of phase, alternated in one run so
 * the machine's load is shared fairly: the window idle (the baseline), training as before this fix
 * (libtorch on every core, trainer at normal priority), and training as the studio does now
 * ({@link TorchThreads#forStudio} threads, trainer at lowered priority). Prints, per kind, the longest gap,
 * p99 and median (target: longest at most 50 ms), GC pauses, the FX thread's CPU time and the throughput,
 * and splits the time of the gaps over 50 ms into FX-thread CPU, render-thread CPU, GC pauses and the rest
 * (neither thread ran: waiting for a core). Usage: {@code PulseGapBenchmark [template] [steps] [batch] [node]
 * [rounds]}; {@code -Dpulse.kinds=after} leaves out the old set-up (default {@code before,after}).
 */
public final class PulseGapBenchmark {
    private static final long IDLE_MILLIS = 4000;

    private PulseGapBenchmark() {
    }

    /** Gaps at least this long are broken down into where their time went. */
    private static final long LONG_GAP = 50_000_000L;

    /** One measured phase: its pulse gaps and what else happened meanwhile. */
    private record Phase(String kind, List<Long> gaps, List<GapCause> longGaps, long gcCount, long gcMillis,
            long fxCpuNanos, long renderCpuNanos, double seconds, int examples) {
    }

    /**
     * Where one long gap's time went: CPU the FX thread and the render thread used within it, and the GC
     * pauses overlapping it; the rest is time both threads waited, mostly for a core (the machine's load).
     */
    private record GapCause(long at, long gap, long fxCpu, long renderCpu, long gc) {
        long waiting() {
            return Math.max(0, gap - fxCpu - renderCpu - gc);
        }
    }

    /** Per pulse: its time, and the FX and render threads' CPU clocks then. */
    private record Pulse(long time, long fxCpu, long renderCpu) {
    }

    /** A GC pause on the {@link System#nanoTime} clock. */
    private record Pause(long start, long end) {
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
        List<Pulse> pulses = new ArrayList<>(100_000);
        List<Pause> pauses = recordGcPauses();
        List<String> kinds = List.of(System.getProperty("pulse.kinds", "before,after").split(","));
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
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(new Pulse(System.nanoTime(), threads.getCurrentThreadCpuTime(), renderCpu(threads)));
                }
            }.start();
            return w;
        });
        long fxThread = HeadlessFx.call(() -> Thread.currentThread().getId());
        Thread.sleep(2000);
        List<Phase> phases = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            phases.add(measure("idle", pulses, pauses, fxThread, () -> Thread.sleep(IDLE_MILLIS), 0));
            report("  round " + (r + 1) + " idle", List.of(phases.get(phases.size() - 1)), "idle");
            // Alternate which variant goes first, so neither always meets the same moment of machine load.
            List<String> order = new ArrayList<>(kinds);
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String kind : order) {
                boolean studio = kind.equals("after");
                JniUtils.setNumThreads(studio ? TorchThreads.forStudio(cores) : cores);
                launcher.current = studio ? after : before;
                phases.add(measure(kind, pulses, pauses, fxThread, () -> train(window), steps * batch));
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
        if (kinds.contains("before")) {
            report("before: " + cores + " torch threads, normal priority", phases, "before");
        }
        if (kinds.contains("after")) {
            report("after: " + TorchThreads.forStudio(cores) + " torch threads, trainer niced", phases, "after");
        }
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

    private static Phase measure(String kind, List<Pulse> pulses, List<Pause> pauses, long fxThread, Work work,
            int examples) throws Exception {
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
        List<Pulse> measured = HeadlessFx.call(() -> List.copyOf(pulses.subList(first, pulses.size())));
        List<Pause> gcPauses;
        synchronized (pauses) {
            gcPauses = List.copyOf(pauses);
        }
        List<Long> gaps = new ArrayList<>();
        List<GapCause> longGaps = new ArrayList<>();
        for (int i = 1; i < measured.size(); i++) {
            Pulse a = measured.get(i - 1);
            Pulse b = measured.get(i);
            long gap = b.time() - a.time();
            gaps.add(gap);
            if (gap > LONG_GAP) {
                long gc = gcPauses.stream().mapToLong(p -> Math.max(0, Math.min(p.end(), b.time())
                        - Math.max(p.start(), a.time()))).sum();
                longGaps.add(new GapCause(a.time() - t0, gap, b.fxCpu() - a.fxCpu(), b.renderCpu() - a.renderCpu(), gc));
            }
        }
        return new Phase(kind, gaps, longGaps, gc1[0] - gc0[0], gc1[1] - gc0[1], cpu1 - cpu0, render1 - render0,
                seconds, examples);
    }

    /** Listens for GC pauses and keeps each one's span on the {@link System#nanoTime} clock. */
    private static List<Pause> recordGcPauses() {
        List<Pause> pauses = new ArrayList<>();
        // GC info gives milliseconds since the JVM started; this maps them onto nanoTime.
        long jvmStart = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) b).addNotificationListener((n, h) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                    // Concurrent cycles ("G1 Concurrent GC") do not stop the application.
                    if (!b.getName().contains("Concurrent")) {
                        synchronized (pauses) {
                            pauses.add(new Pause(jvmStart + info.getStartTime() * 1_000_000L,
                                    jvmStart + info.getEndTime() * 1_000_000L));
                        }
                    }
                }
            }, null, null);
        }
        return pauses;
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
        List<GapCause> causes = new ArrayList<>();
        for (Phase p : phases) {
            if (p.kind().equals(kind)) {
                gaps.addAll(p.gaps());
                causes.addAll(p.longGaps());
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
            System.out.printf("  gaps over 50 ms: %d%n", gaps.stream().filter(g -> g > LONG_GAP).count());
        }
        if (!causes.isEmpty()) {
            long total = causes.stream().mapToLong(GapCause::gap).sum();
            System.out.printf("  in them (%.0f ms): FX thread CPU %.0f%%, render thread CPU %.0f%%, GC %.0f%%,"
                    + " neither running (waiting for a core) %.0f%%%n", total / 1e6,
                    100.0 * causes.stream().mapToLong(GapCause::fxCpu).sum() / total,
                    100.0 * causes.stream().mapToLong(GapCause::renderCpu).sum() / total,
                    100.0 * causes.stream().mapToLong(GapCause::gc).sum() / total,
                    100.0 * causes.stream().mapToLong(GapCause::waiting).sum() / total);
            causes.sort((a, b) -> Long.compare(b.gap(), a.gap()));
            System.out.printf("  longest gaps, ms:%s%n", describe(causes));
            causes.sort((a, b) -> Long.compare(b.fxCpu() + b.renderCpu(), a.fxCpu() + a.renderCpu()));
            System.out.printf("  busiest gaps, ms:%s%n", describe(causes));
        }
        String speed = examples > 0 ? String.format("; %.0f examples/s (wall clock, %d libtorch threads)",
                examples / seconds, ai.djl.pytorch.jni.JniUtils.getNumThreads()) : "";
        System.out.printf("  GC: %d collections, %d ms; CPU: FX thread %.0f%%, render thread %.0f%%%s%n", gcCount,
                gcMillis, 100 * cpu / 1e9 / seconds, 100 * render / 1e9 / seconds, speed);
    }

    private static String describe(List<GapCause> causes) {
        StringBuilder b = new StringBuilder();
        for (GapCause c : causes.subList(0, Math.min(5, causes.size()))) {
            b.append(String.format(" %.0f at %.1f s (fx %.0f, render %.0f, gc %.0f)", c.gap() / 1e6, c.at() / 1e9,
                    c.fxCpu() / 1e6, c.renderCpu() / 1e6, c.gc() / 1e6));
        }
        return b.toString();
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
