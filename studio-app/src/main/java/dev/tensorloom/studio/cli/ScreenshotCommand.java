package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.model.io.AtomicFile;
import dev.tensorloom.model.io.OutputPaths;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.WindowScreenshot;
import dev.tensorloom.templates.TemplateCatalog;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tensorloom screenshot}: renders the studio window for a project to a PNG, without a display. */
@Command(name = "screenshot", description = "Render the studio window for a project to a PNG (no display needed).")
final class ScreenshotCommand implements Callable<Integer> {
    /** Exactly one project source. */
    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE", description = "A project file (.tlm).")
        Path file;

        @Option(names = "--template", paramLabel = "ID", description = "A built-in template id (see `tensorloom templates`).")
        String template;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "editor",
            description = "Which view to show: editor, run, activations or memory (the last three after a short run).")
    String view;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20",
            description = "Training steps before a run or activations picture (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "16",
            description = "Batch size of that short run or memory measurement (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--node", paramLabel = "ID",
            description = "The node the run and activations pictures watch (default: an attention block, else a middle layer).")
    String node;

    @Option(names = "--out", paramLabel = "PNG", required = true, description = "Where to write the picture.")
    Path out;

    @Option(names = "--mkdirs", description = "Create missing folders above --out (otherwise that is an error).")
    boolean mkdirs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WindowScreenshot.View shown = WindowScreenshot.View.parse(view);
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        }
        RunSetup.requireBatchSize(batch);
        OutputPaths.checkFile(out, "--out", mkdirs);
        // Load first: a broken file is reported without starting JavaFX at all.
        Project project;
        Path file = null;
        if (source.file != null) {
            file = source.file.toAbsolutePath().normalize();
            project = ProjectReader.read(file);
        } else {
            TemplateCatalog templates = TemplateCatalog.builtIn();
            String title = templates.require(source.template).title();
            Project read = ProjectReader.fromJson(templates.projectJson(source.template),
                    templates.sourceName(source.template));
            // Keep the blocks the template embeds: the palette lists them under "My blocks", as the studio does.
            project = new Project(title, read.document(), read.blocks());
        }
        if (shown != WindowScreenshot.View.EDITOR) {
            // The editor shows a broken graph with its problems marked; the other views train or measure it.
            ProjectChecks.requireValid(project, file != null ? source.file.toString() : source.template + ".tlm");
        }
        if (node != null && project.document().node(node).isEmpty()) {
            throw new IllegalArgumentException("--node '" + node + "' is not a node of " + project.name() + "; nodes: "
                    + String.join(", ", project.document().topologicalOrder()));
        }
        HeadlessFx.start();
        BufferedImage image = WindowScreenshot.render(project, file, shown, steps, batch, node);
        AtomicFile.write(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
        spec.commandLine().getOut().printf("wrote %s (%d x %d)%n", out, image.getWidth(), image.getHeight());
        return TensorloomCli.OK;
    }
}
