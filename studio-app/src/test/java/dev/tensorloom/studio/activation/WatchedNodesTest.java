package dev.tensorloom.studio.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchedNodesTest {
    private static Document template(String id) throws Exception {
        TemplateCatalog templates = TemplateCatalog.builtIn();
        return ProjectReader.fromJson(templates.projectJson(id), templates.sourceName(id)).document();
    }

    @Test
    void aGroupIsWatchedThroughTheNodeBehindItsOutput() throws Exception {
        Document chain = template("deep-chain");
        assertEquals(Set.of("b4_add"), WatchedNodes.of(chain, Set.of("block4")), "a residual block's sum");
        assertEquals(Set.of("b4_fc1"), WatchedNodes.of(chain, Set.of("b4_fc1")), "a node is itself");
        assertEquals(Set.of("x", "b1_add"), WatchedNodes.of(chain, Set.of("x", "block1")));
        assertEquals(Set.of(), WatchedNodes.of(chain, Set.of()));
    }
}
