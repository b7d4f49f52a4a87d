package dev.tensorloom.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.model.io.ProjectWriter;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every gallery card has a project file, every file loads, and no committed file has drifted from its source. */
class TemplateFilesTest {
    private final TemplateCatalog catalog = TemplateCatalog.builtIn();

    @Test
    void everyCardHasASourceAndEverySourceACard() {
        Set<String> cards = catalog.cards().stream().map(TemplateCard::id).collect(Collectors.toSet());
        Set<String> sources = TemplateSources.all().stream().map(TemplateSource::id).collect(Collectors.toSet());
        assertEquals(sources, cards);
    }

    @Test
    void committedFilesEqualWhatTheirSourcesGenerate() {
        for (TemplateSource source : TemplateSources.all()) {
            assertEquals(TemplateSources.generate(source), catalog.projectJson(source.id()),
                    source.id() + ".tlm drifted from its source: run TemplateSources.main to regenerate");
        }
    }

    @Test
    void everyFileLoadsAndSavesByteForByte() throws Exception {
        for (TemplateCard card : catalog.cards()) {
            String json = catalog.projectJson(card.id());
            Project project = ProjectReader.fromJson(json, catalog.sourceName(card.id()));
            assertFalse(project.document().nodes().isEmpty(), card.id());
            assertEquals(json, ProjectWriter.toJson(project), card.id());
            assertTrue(card.teaches() != null && !card.teaches().isBlank(), card.id());
        }
    }

    @Test
    void deepChainHasSixtyFourResidualBlocks() throws Exception {
        Project project = ProjectReader.fromJson(catalog.projectJson("deep-chain"), "deep-chain.tlm");
        long adds = project.document().nodes().stream().filter(n -> n.type().equals("add")).count();
        long linears = project.document().nodes().stream().filter(n -> n.type().equals("linear")).count();
        assertEquals(64, adds);
        assertEquals(128, linears);
        assertEquals(4096, project.document().config().batchSize());
    }
}
