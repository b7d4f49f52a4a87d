package dev.tensorloom.templates;

import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The code each committed template file is generated from. Run {@link #main} to rewrite the files;
 * a test fails when a committed file and its source drift apart.
 */
public final class TemplateSources {
    private TemplateSources() {
    }

    static List<TemplateSource> all() {
        return List.of(new DeepChainTemplate(), new TransformerReverseTemplate(), CouplingFlowTemplate.realNvpMoons(),
                CouplingFlowTemplate.niceCheckerboard(), SelectiveCopyTemplate.mamba(), SelectiveCopyTemplate.s4d(),
                new SppDetectorTemplate(), new DetrShapesTemplate(), new DitRectifiedFlowTemplate(),
                new PoseRleTemplate(), new FaceArcfaceTemplate());
    }

    /** The project file text that the source of {@code id} generates. */
    static String generate(TemplateSource source) {
        var doc = source.build();
        CollapsedColumns.close(doc);
        return ProjectWriter.toJson(new Project(source.id(), doc, source.blocks(doc)));
    }

    /** Writes every template file into the given resources folder (default: this module's). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "model-templates/src/main/resources/dev/tensorloom/templates");
        for (TemplateSource source : all()) {
            Path file = dir.resolve(source.id() + ".tlm");
            Files.writeString(file, generate(source), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }
}
