package dev.tensorloom.studio.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class PaletteViewModelTest {
    private final List<String> added = new ArrayList<>();
    private final PaletteViewModel vm = new PaletteViewModel(BlockCatalog.standard(), added::add);

    private List<String> ids() {
        return vm.sections().stream().flatMap(s -> s.blocks().stream()).map(BlockType::id).toList();
    }

    @Test
    void sectionsFollowThePaletteOrderAndHoldTheWholeCatalog() {
        List<BlockCategory> order = vm.sections().stream().map(PaletteSection::category).toList();
        List<BlockCategory> sorted = order.stream().sorted().toList();
        assertEquals(sorted, order);
        assertEquals(BlockCategory.DATA, order.get(0));
        assertEquals(BlockCatalog.standard().size(), vm.matchCount());
    }

    @Test
    void searchFiltersLiveAndDropsEmptySections() {
        vm.searchProperty().set("linear");
        assertTrue(ids().contains("linear"));
        assertTrue(vm.sections().stream().allMatch(s -> !s.blocks().isEmpty()));
        vm.searchProperty().set("LAYER norm");
        assertTrue(ids().contains("layernorm"));
        for (String id : ids()) {
            BlockType t = BlockCatalog.standard().require(id);
            String hay = (t.id() + t.title() + t.description() + t.category().title()).toLowerCase();
            assertTrue(hay.contains("layer") && hay.contains("norm"), id + " matches every word");
        }
        vm.searchProperty().set("no such block anywhere");
        assertTrue(vm.sections().isEmpty());
        vm.searchProperty().set("");
        assertEquals(BlockCatalog.standard().size(), vm.matchCount());
    }

    @Test
    void enterAddsTheOnlyMatch() {
        vm.searchProperty().set("rmsnorm");
        assertEquals(1, vm.matchCount());
        vm.addSingleMatch();
        assertEquals(List.of("rmsnorm"), added);
        vm.searchProperty().set("norm");
        vm.addSingleMatch();
        assertEquals(1, added.size(), "several matches: Enter adds nothing");
    }

    @Test
    void savedBlocksComeFirstUnderMyBlocksFollowTheSearchAndInsertACopy() throws Exception {
        TemplateCatalog templates = TemplateCatalog.builtIn();
        SavedBlock residual = ProjectReader.fromJson(templates.projectJson("deep-chain"), "deep-chain.tlm").blocks()
                .get("residual-mlp");
        ObservableList<SavedBlock> saved = FXCollections.observableArrayList();
        List<SavedBlock> inserted = new ArrayList<>();
        List<SavedBlock> deleted = new ArrayList<>();
        vm.setSavedBlocks(saved, inserted::add, deleted::add);
        assertEquals(BlockCategory.DATA, vm.sections().get(0).category(), "no saved blocks, no My blocks");

        saved.add(residual);
        PaletteSection mine = vm.sections().get(0);
        assertEquals("My blocks", mine.title());
        assertEquals(List.of("saved-residual-mlp"), mine.blocks().stream().map(BlockType::id).toList());
        assertEquals(residual.title(), mine.blocks().get(0).title());

        vm.add(mine.blocks().get(0));
        assertEquals(List.of(residual), inserted, "double-click inserts a copy of the saved block");
        assertTrue(added.isEmpty(), "not a catalog node");
        assertTrue(vm.isSaved(mine.blocks().get(0)));
        vm.delete(mine.blocks().get(0));
        assertEquals(List.of(residual), deleted, "its context menu deletes the saved block");
        BlockType linear = vm.sections().get(1).blocks().get(0);
        assertFalse(vm.isSaved(linear), "a built-in block has no Delete");
        vm.delete(linear);
        assertEquals(1, deleted.size());

        vm.searchProperty().set("layer norm");
        assertTrue(vm.sections().stream().noneMatch(s -> s.title().equals("My blocks")), "the search filters it");
        vm.searchProperty().set(residual.title().substring(0, 5));
        assertEquals("My blocks", vm.sections().get(0).title());
    }
}
