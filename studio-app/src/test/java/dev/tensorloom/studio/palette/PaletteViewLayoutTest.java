package dev.tensorloom.studio.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.studio.shell.HeadlessFx;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TreeCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A narrow palette ends long block names in "…" and names them whole in the tooltip, with no sideways scroll bar. */
class PaletteViewLayoutTest {
    @BeforeAll
    static void toolkit() {
        HeadlessFx.start();
    }

    @Test
    void aNarrowPaletteHasNoSidewaysScrollBarAndTheTooltipNamesTheBlockWhole() throws Exception {
        HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            BlockCatalog catalog = BlockCatalog.standard();
            PaletteView palette = new PaletteView(new PaletteViewModel(catalog, type -> { }));
            Scene scene = new Scene(palette, 200, 500);
            palette.applyCss();
            palette.layout();
            palette.applyCss();
            palette.layout();
            boolean sideways = palette.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                    .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible());
            assertFalse(sideways, "a horizontal scroll bar under the palette");
            int cells = 0;
            for (Node n : palette.lookupAll(".palette-block")) {
                TreeCell<?> cell = (TreeCell<?>) n;
                if (cell.isVisible() && cell.getItem() instanceof BlockType type) {
                    cells++;
                    assertTrue(cell.getWidth() <= scene.getWidth(), type.id() + " is " + cell.getWidth() + " wide");
                    assertTrue(cell.getTooltip().getText().startsWith(type.title()), type.id());
                }
            }
            assertTrue(cells > 5, "blocks shown: " + cells);
            BlockType pool = catalog.require("adaptive_avgpool2d");
            assertEquals(pool.title(), PaletteView.tooltipText(pool).lines().findFirst().orElseThrow());
            return null;
        });
    }
}
