package dev.tensorloom.studio.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockLibraryTest {
    @TempDir
    Path folder;

    private static SavedBlock residual() throws Exception {
        return ProjectReader.fromJson(TemplateCatalog.builtIn().projectJson("deep-chain"), "deep-chain.tlm").blocks()
                .get("residual-mlp");
    }

    @Test
    void deleteRemovesTheBlocksFileWhateverItIsCalledAndNothingElse() throws Exception {
        BlockLibrary library = new BlockLibrary(folder);
        SavedBlock a = residual();
        SavedBlock b = new SavedBlock("residual-2", "Residual 2", a.content());
        SavedBlock c = new SavedBlock("renamed", "Renamed by hand", a.content());
        library.save(a);
        library.save(b);
        Path own = library.save(c);
        Files.move(own, folder.resolve("my copy.tlb"));
        assertEquals(Set.of(a.id(), b.id(), c.id()), library.list().blocks().keySet());

        assertTrue(library.delete(a.id()));
        assertTrue(library.delete(c.id()), "found inside a file the user renamed");
        assertEquals(Set.of(b.id()), library.list().blocks().keySet());
        assertFalse(Files.exists(folder.resolve("my copy.tlb")));
        assertFalse(library.delete("not-there"));
        assertFalse(new BlockLibrary(folder.resolve("missing")).delete(b.id()), "no library folder yet");
    }
}
