package dev.tensorloom.studio.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {
    private final Document doc = new Document();
    private final UndoStack stack = new UndoStack(doc);
    private InspectorViewModel vm;

    @BeforeEach
    void setUp() {
        doc.addNode(Node.of("fc1", "linear"));
        doc.addNode(Node.of("fc2", "linear").withParam("out_features", 32L));
        doc.addNode(Node.of("drop", "dropout"));
        doc.addNode(Node.of("ln", "layernorm"));
        doc.addNode(Node.of("rms", "rmsnorm"));
        vm = new InspectorViewModel(doc, stack, BlockCatalog.standard());
    }

    private ParamField field(String name) {
        return vm.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void showsTheSelectedNodesParametersWithDefaults() {
        vm.setSelection(Set.of("fc1"));
        assertEquals(List.of("in_features", "out_features", "bias"), vm.fields().stream().map(ParamField::name).toList());
        assertEquals(64L, field("out_features").value());
        assertEquals("Output features.", field("out_features").spec().help());
        assertEquals("fc1 — Linear", vm.headingProperty().get());
        assertTrue(vm.labelEditableProperty().get());
    }

    @Test
    void oneEditIsOneSetParameterAndUndoesInOneStep() {
        vm.setSelection(Set.of("fc1"));
        assertTrue(vm.setValue("out_features", 128L));
        assertEquals(128L, doc.requireNode("fc1").param("out_features"));
        assertEquals("Set fc1.out_features = 128", stack.undoDescription().orElseThrow());
        assertEquals(128L, field("out_features").value(), "the inspector follows the document");
        stack.undo();
        assertFalse(stack.canUndo(), "exactly one command was pushed");
        assertEquals(64L, field("out_features").value());
    }

    @Test
    void numbersAreClampedIntoTheRange() {
        vm.setSelection(Set.of("fc1", "fc2"));
        vm.setValue("out_features", 0L);
        assertEquals(1L, doc.requireNode("fc1").param("out_features"), "out_features is at least 1");
        vm.setSelection(Set.of("drop"));
        vm.setValue("p", 1.5);
        assertEquals(0.99, doc.requireNode("drop").param("p"));
        vm.setValue("p", "0.25");
        assertEquals(0.25, doc.requireNode("drop").param("p"), "text from an editor is parsed");
    }

    @Test
    void unacceptableValuesChangeNothingAndSayWhy() {
        vm.setSelection(Set.of("fc1"));
        assertFalse(vm.setValue("out_features", "many"));
        assertFalse(vm.setValue("bias", "yes"));
        assertFalse(stack.canUndo());
        assertFalse(vm.messageProperty().get().isEmpty());
    }

    @Test
    void sameValueIsNoCommand() {
        vm.setSelection(Set.of("fc1"));
        assertFalse(vm.setValue("out_features", 64L));
        assertFalse(stack.canUndo());
    }

    @Test
    void multiSelectionEditsAllInOneCompoundCommand() {
        vm.setSelection(Set.of("fc1", "fc2"));
        assertTrue(field("out_features").mixed());
        assertEquals("2 nodes (Linear)", vm.headingProperty().get());
        assertFalse(vm.labelEditableProperty().get());
        assertTrue(vm.setValue("out_features", 256L));
        assertEquals(256L, doc.requireNode("fc1").param("out_features"));
        assertEquals(256L, doc.requireNode("fc2").param("out_features"));
        assertFalse(field("out_features").mixed());
        stack.undo();
        assertFalse(stack.canUndo(), "one compound command");
        assertEquals(32L, doc.requireNode("fc2").param("out_features"));
    }

    @Test
    void differentTypesShareParametersWithTheSameNameAndKind() {
        doc.replaceNode(doc.requireNode("rms").withParam("eps", 1e-4));
        vm.setSelection(Set.of("ln", "rms"));
        assertTrue(field("eps").mixed());
        vm.setValue("eps", 1e-3);
        assertEquals(Map.of("eps", 1e-3), doc.requireNode("ln").params());
        assertEquals(Map.of("eps", 1e-3), doc.requireNode("rms").params());
        vm.setSelection(Set.of("fc1", "drop"));
        assertTrue(vm.fields().isEmpty(), "linear and dropout share nothing");
    }

    @Test
    void multiEditSkipsNodesThatAlreadyHaveTheValue() {
        doc.replaceNode(doc.requireNode("fc1").withParam("out_features", 32L));
        doc.addNode(Node.of("fc3", "linear"));
        vm.setSelection(Set.of("fc1", "fc2", "fc3"));
        vm.setValue("out_features", 32L);
        assertEquals("Set fc3.out_features = 32", stack.undoDescription().orElseThrow(),
                "only fc3 changes, so a single SetParameter");
        vm.setValue("out_features", 8L);
        assertEquals("Set out_features = 8 on 3 nodes", stack.undoDescription().orElseThrow());
        stack.undo();
        assertEquals(32L, doc.requireNode("fc3").param("out_features"));
    }

    @Test
    void renameIsOneCommandForASingleNode() {
        vm.setSelection(Set.of("fc1"));
        assertTrue(vm.rename("encoder head"));
        assertEquals("encoder head", doc.requireNode("fc1").label());
        assertEquals("encoder head", vm.labelProperty().get());
        vm.setSelection(Set.of("fc1", "fc2"));
        assertFalse(vm.rename("both"));
    }
}
