package dev.tensorloom.studio.bench;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.HeadlessFx;
import dev.tensorloom.studio.StudioWindow;
import dev.tensorloom.studio.files.StudioHome;
import dev.tensorloom.studio.main.CatalogModelChecker;
import dev.tensorloom.studio.main.DialogService;
import dev.tensorloom.studio.main.MainWindowView;
import dev.tensorloom.studio.main.UnsavedChoice;
import dev.tensorloom.studio.run.RunServices;
import dev.tensorloom.studio.task.FxTaskExecutor;
import dev.tensorloom.templates.TemplateCatalog;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * How smooth the window stays while training at full speed: trains a template in the studio window with
 * the activation view watching a node, and records the gap between consecutive JavaFX pulses (an
 * {@link AnimationTimer} asks for a pulse every frame). Prints the longest gap and percentiles; the
 * target is at most 50 ms. Usage: {@code PulseGapBenchmark [template] [steps] [batch] [node]}.
 */
public final class PulseGapBenchmark {
    private PulseGapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String template = args.length > 0 ? args[0] : "transformer-reverse";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        String node = args.length > 3 ? args[3] : "enc1";
        if (Boolean.getBoolean("warm")) {
            System.out.println("engine " + ai.djl.engine.Engine.getInstance().getEngineName());
        }
        HeadlessFx.start();
        TemplateCatalog templates = TemplateCatalog.builtIn();
        Project project = ProjectReader.fromJson(templates.projectJson(template), templates.sourceName(template));
        List<Long> pulses = new ArrayList<>(100_000);
        boolean[] recording = {false};
        StudioWindow window = HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            BlockCatalog catalog = BlockCatalog.standard();
            StudioWindow w = new StudioWindow(catalog, templates, new StudioHome(Files.createTempDirectory("pulse")),
                    new FxTaskExecutor(), silentDialogs(), new CatalogModelChecker(catalog), noActions(),
                    RunServices.reduced(catalog, steps, batch));
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
                    if (recording[0]) {
                        pulses.add(System.nanoTime());
                    }
                }
            }.start();
            return w;
        });
        Thread.sleep(1000);
        HeadlessFx.call(() -> {
            recording[0] = true;
            window.runPanel().start();
            return null;
        });
        long started = System.nanoTime();
        while (HeadlessFx.call(() -> window.runPanel().stateProperty().get().active())) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> gaps = HeadlessFx.call(() -> {
            recording[0] = false;
            List<Long> g = new ArrayList<>();
            for (int i = 1; i < pulses.size(); i++) {
                g.add(pulses.get(i) - pulses.get(i - 1));
            }
            return g;
        });
        gaps.sort(null);
        String state = HeadlessFx.call(() -> window.runPanel().stateProperty().get() + " "
                + window.runPanel().progressTextProperty().get() + " " + window.runPanel().failureProperty().get());
        System.out.printf("%s: %d steps, batch %d, watching %s: %s%n", template, steps, batch, node, state);
        System.out.printf("%.1f s, %d pulses (%.1f per second)%n", seconds, gaps.size() + 1, (gaps.size() + 1) / seconds);
        if (!gaps.isEmpty()) {
            System.out.printf("pulse gap: median %.1f ms, p99 %.1f ms, longest %.1f ms (target <= 50 ms)%n",
                    gaps.get(gaps.size() / 2) / 1e6, gaps.get((int) (gaps.size() * 0.99)) / 1e6,
                    gaps.get(gaps.size() - 1) / 1e6);
        }
        System.exit(0);
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

    private static MainWindowView.WindowActions noActions() {
        return (MainWindowView.WindowActions) Proxy.newProxyInstance(MainWindowView.WindowActions.class.getClassLoader(),
                new Class<?>[] {MainWindowView.WindowActions.class}, (p, m, a) -> null);
    }
}
