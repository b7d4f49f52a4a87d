package dev.tensorloom.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.data.SyntheticDataset;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.train.MetricBinding;
import dev.tensorloom.execution.train.MetricsForDataset;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCard;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template's evaluation leads with the metric its card names (the product computes it, not a test
 * runner) on at least 1,000 held-out examples.
 */
class TemplateMetricsTest {

    static Stream<String> ids() {
        return TemplateCatalog.builtIn().cards().stream().map(TemplateCard::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void theHeadlineIsTheCardsMetricOnAThousandHeldOutExamples(String id) throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        Document doc = ProjectReader.fromJson(catalog.projectJson(id), catalog.sourceName(id)).document();
        TrainingConfig c = doc.config();
        Plan plan = Compiler.compile(doc, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
        SyntheticDataset data = DatasetRegistry.standard().open(c.dataset(), c.seed());
        List<MetricBinding> metrics = MetricsForDataset.forPlan(plan, data, 4);
        String headline = metrics.isEmpty() ? "loss" : metrics.get(0).metric().values().keySet().iterator().next();
        assertEquals(catalog.require(id).metric(), headline, id);
        assertTrue(data.heldOut().stream().mapToInt(HostBatch::batchSize).sum() >= 1000, id);
    }
}
