package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {
    @TempDir
    Path root;

    private void image(String cls, String name, int rgb, int w, int h, String format) throws IOException {
        Path dir = Files.createDirectories(root.resolve(cls));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(img, format, dir.resolve(name).toFile());
    }

    @Test
    void classFoldersBecomeLabelsAndImagesAreResizedChannelFirst() throws IOException {
        image("cat", "a.png", 0xFF0000, 10, 6, "png");
        image("cat", "b.PNG", 0x00FF00, 3, 3, "png");
        image("dog", "c.png", 0x0000FF, 8, 8, "png");
        Files.writeString(root.resolve("dog").resolve("notes.txt"), "not an image");
        ImageFolderDataset d = ImageFolderDataset.open(root, 4, 5);
        assertEquals(List.of("cat", "dog"), d.classes());
        assertEquals(3, d.size());
        assertEquals("[image: float32 [B, 3, 4, 5], label: int64 [B]]", d.fields().toString());
        HostBatch b = d.gather(new int[] {2, 0});
        assertArrayEquals(new long[] {2, 3, 4, 5}, b.get("image").shape());
        assertArrayEquals(new long[] {1, 0}, b.get("label").longs());
        float[] px = b.get("image").floats();
        int plane = 20;
        // Example 0 is the blue dog, example 1 the red cat: every resized pixel keeps the colour.
        for (int p = 0; p < plane; p++) {
            assertEquals(0f, px[p]);
            assertEquals(0f, px[plane + p]);
            assertEquals(1f, px[2 * plane + p]);
            assertEquals(1f, px[3 * plane + p]);
            assertEquals(0f, px[4 * plane + p]);
            assertEquals(0f, px[5 * plane + p]);
        }
    }

    @Test
    void jpegImagesAreRead() throws IOException {
        image("one", "x.jpg", 0x808080, 16, 16, "jpg");
        HostBatch b = ImageFolderDataset.open(root, 8, 8).gather(new int[] {0});
        assertEquals(128 / 255f, b.get("image").floats()[0], 3 / 255f);
    }

    @Test
    void unreadableImageIsNamed() throws IOException {
        image("ok", "good.png", 0xFFFFFF, 2, 2, "png");
        Path bad = root.resolve("ok").resolve("broken.png");
        Files.writeString(bad, "definitely not a png");
        ImageFolderDataset d = ImageFolderDataset.open(root, 2, 2);
        int badIndex = d.file(0).equals(bad) ? 0 : 1;
        DataFileException e = assertThrows(DataFileException.class, () -> d.gather(new int[] {badIndex}));
        assertEquals(bad + ": not a readable image (expected PNG, JPEG, BMP or GIF)", e.getMessage());
    }

    @Test
    void emptyOrMissingFoldersAreNamed() throws IOException {
        assertEquals(root + ": no class folders (expected " + root + "/CLASS/IMAGE.png)",
                assertThrows(DataFileException.class, () -> ImageFolderDataset.open(root, 2, 2)).getMessage());
        Files.createDirectories(root.resolve("empty"));
        assertEquals(root + ": no images (.bmp, .gif, .jpeg, .jpg, .png, .wbmp) in the class folders [empty]",
                assertThrows(DataFileException.class, () -> ImageFolderDataset.open(root, 2, 2)).getMessage());
        Path nowhere = root.resolve("nowhere");
        assertEquals(nowhere + ": not a folder",
                assertThrows(DataFileException.class, () -> ImageFolderDataset.open(nowhere, 2, 2)).getMessage());
    }

    @Test
    void worksThroughTheNdArraySourceWithAHeldOutSplit() throws IOException {
        for (int i = 0; i < 6; i++) {
            image(i % 2 == 0 ? "even" : "odd", i + ".png", 0x102030 * i, 4, 4, "png");
        }
        TableBatchSource source = new TableBatchSource(ImageFolderDataset.open(root, 4, 4), 1, 0.34, 8);
        assertEquals(2, source.heldOutIndices().length);
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            var batch = new ArrayBatchSource(source).next(m, 3);
            assertEquals(new ai.djl.ndarray.types.Shape(3, 3, 4, 4), batch.get("image").getShape());
            assertEquals(ai.djl.ndarray.types.DataType.INT64, batch.get("label").getDataType());
        }
    }
}
