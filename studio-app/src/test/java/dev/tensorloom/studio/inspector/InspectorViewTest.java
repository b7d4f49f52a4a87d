package dev.tensorloom.studio.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.ParamSpec;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import java.util.List;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/**
 * The inspector in a narrow panel: a long block title is shown whole (wrapped, not cut to "…"), and a size
 * field whose 0 means "take it from the input" says so in the field and its tooltip, and still takes a number.
 */
class InspectorViewTest {
    private static final String LONG_LABEL = "Encoder block 12 feed-forward projection";

    @Test
    void longTitlesWrapAndAZeroSizeSaysItIsInferred() throws Exception {
        HeadlessFx.start();
        Document doc = new Document();
        doc.addNode(Node.of("fc1", "linear").withLabel(LONG_LABEL));
        InspectorViewModel vm = new InspectorViewModel(doc, new UndoStack(doc), BlockCatalog.standard());
        HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            InspectorView view = new InspectorView(vm);
            Scene scene = new Scene(new StackPane(view), 240, 500);
            scene.getStylesheets().add(StudioWindow.class.getResource(StudioWindow.STYLESHEET).toExternalForm());
            vm.setSelection(Set.of("fc1"));
            view.applyCss();
            view.layout();

            Label heading = (Label) view.lookup("#inspector-heading");
            assertEquals(LONG_LABEL + " — Linear", heading.getText());
            Text shown = (Text) heading.lookup(".text");
            assertEquals(heading.getText(), shown.getText(), "the whole title is drawn, not cut short");
            assertTrue(heading.getHeight() > 1.5 * heading.getFont().getSize() * 1.2,
                    "the title takes more than one line: " + heading.getHeight());

            List<Spinner<?>> spinners = view.lookupAll(".param-spinner").stream().<Spinner<?>>map(n -> (Spinner<?>) n).toList();
            Spinner<?> inFeatures = spinners.get(0);
            assertEquals("0 = inferred", inFeatures.getEditor().getText());
            assertNotNull(inFeatures.getTooltip());
            assertTrue(inFeatures.getTooltip().getText().startsWith("0 = inferred: Input features"),
                    inFeatures.getTooltip().getText());
            Spinner<?> outFeatures = spinners.get(1);
            assertEquals("64", outFeatures.getEditor().getText(), "an ordinary size shows its number");

            inFeatures.getEditor().setText("32");
            inFeatures.commitValue();
            assertEquals(32L, doc.requireNode("fc1").param("in_features"));
            assertEquals("32", inFeatures.getEditor().getText());
            return null;
        });
    }

    @Test
    void onlySizesWhoseZeroIsWorkedOutElsewhereGetAHint() {
        BlockCatalog catalog = BlockCatalog.standard();
        assertEquals("0 = inferred", ZeroHint.of(param(catalog, "linear", "in_features")));
        assertEquals("", ZeroHint.of(param(catalog, "linear", "out_features")));
        assertEquals("0 = ceil(d_model / 16)", ZeroHint.of(param(catalog, "mamba", "dt_rank")));
    }

    private static ParamSpec param(BlockCatalog catalog, String type, String name) {
        return catalog.find(type).orElseThrow().param(name).orElseThrow();
    }
}
