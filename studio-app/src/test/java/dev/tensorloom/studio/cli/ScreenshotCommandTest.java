package dev.tensorloom.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.studio.shell.StudioWindow;
import dev.tensorloom.templates.TemplateCatalog;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenshotCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TensorloomCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void templateScreenshotIsANonBlankPngOfTheWindowSize() throws Exception {
        String id = TemplateCatalog.builtIn().cards().get(0).id();
        Path png = dir.resolve("shots/x.png");
        assertEquals(TensorloomCli.OK, run("screenshot", "--template", id, "--out", png.toString(), "--mkdirs"), err.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals((int) StudioWindow.WIDTH, image.getWidth());
        assertEquals((int) StudioWindow.HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a real window has text, icons and panels: " + colours.size() + " colours");
    }

    @Test
    void brokenFileExitsTwoWithTheLocatedMessage() throws Exception {
        Path broken = dir.resolve("broken.tlm");
        Files.writeString(broken, "{\n  \"formatVersion\": 2,\n  oops\n}\n");
        Path png = dir.resolve("never.png");
        assertEquals(TensorloomCli.BAD_INPUT, run("screenshot", broken.toString(), "--out", png.toString()));
        assertTrue(err.toString().startsWith("broken.tlm:3:"), err.toString());
        assertFalse(err.toString().contains("Exception"), "no stack trace");
        assertFalse(Files.exists(png));
    }

    @Test
    void unknownViewsAreRejectedClearly() {
        String id = TemplateCatalog.builtIn().cards().get(0).id();
        assertEquals(TensorloomCli.BAD_INPUT, run("screenshot", "--template", id, "--view", "graphs",
                "--out", dir.resolve("m.png").toString()));
        assertTrue(err.toString().contains("unknown --view 'graphs'; use editor, run, activations or memory"),
                err.toString());
    }

    @Test
    void unknownWatchedNodesNameTheNodes() {
        assertEquals(TensorloomCli.BAD_INPUT, run("screenshot", "--template", "realnvp-moons", "--view", "activations",
                "--node", "nope", "--out", dir.resolve("w.png").toString()));
        assertTrue(err.toString().contains("--node 'nope' is not a node of") && err.toString().contains("c8"),
                err.toString());
    }

    @Test
    void memoryViewIsRenderedAfterAMeasurement() throws Exception {
        Path project = dir.resolve("chain.tlm");
        dev.tensorloom.model.io.ProjectWriter.write(dev.tensorloom.studio.memory.SmallChain.project(4, 16), project);
        Path png = dir.resolve("memory.png");
        assertEquals(TensorloomCli.OK, run("screenshot", project.toString(), "--view", "memory", "--batch", "16",
                "--out", png.toString()), err.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1600, image.getWidth());
        assertEquals(1100, image.getHeight());
    }

    @Test
    void unknownTemplateNamesTheKnownOnes() {
        assertEquals(TensorloomCli.BAD_INPUT, run("screenshot", "--template", "nope", "--out",
                dir.resolve("n.png").toString()));
        assertTrue(err.toString().contains("unknown template 'nope'"), err.toString());
    }
}
