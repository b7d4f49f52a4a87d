package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Images sorted into one folder per class ({@code root/cat/1.png}, {@code root/dog/2.jpg}): classes are
 * the sub-folders in name order, labelled 0, 1, …; images are PNG or JPEG files, decoded when gathered
 * and resized bilinearly to {@code height x width}. Fields {@code image} float32 [B, 3, H, W] in
 * [0, 1] and {@code label} int64 [B]. An unreadable image is a {@link DataFileException} naming it.
 */
public final class ImageFolderDataset implements ExampleTable {
    private final Path root;
    private final int height;
    private final int width;
    private final List<String> classes;
    private final List<Path> files;
    private final long[] labels;

    private ImageFolderDataset(Path root, int height, int width, List<String> classes, List<Path> files,
            long[] labels) {
        this.root = root;
        this.height = height;
        this.width = width;
        this.classes = List.copyOf(classes);
        this.files = List.copyOf(files);
        this.labels = labels;
    }

    /** Lists the images under {@code root}; throws naming the folder when there are no classes or images. */
    public static ImageFolderDataset open(Path root, int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + height + " x " + width);
        }
        if (!Files.isDirectory(root)) {
            throw new DataFileException(root, "not a folder");
        }
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Long> labels = new ArrayList<>();
        try {
            for (Path dir : sorted(root).stream().filter(Files::isDirectory).toList()) {
                long label = classes.size();
                classes.add(dir.getFileName().toString());
                for (Path f : sorted(dir)) {
                    if (Files.isRegularFile(f) && isImageName(f)) {
                        files.add(f);
                        labels.add(label);
                    }
                }
            }
        } catch (IOException e) {
            throw new DataFileException(root, 0, "cannot list: " + e, e);
        }
        if (classes.isEmpty()) {
            throw new DataFileException(root, "no class folders (expected " + root + "/CLASS/IMAGE.png)");
        }
        if (files.isEmpty()) {
            throw new DataFileException(root, "no .png or .jpg images in the class folders " + classes);
        }
        return new ImageFolderDataset(root, height, width, classes, files,
                labels.stream().mapToLong(Long::longValue).toArray());
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static boolean isImageName(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** Class names in label order. */
    public List<String> classes() {
        return classes;
    }

    /** The image file of example {@code index}. */
    public Path file(int index) {
        return files.get(index);
    }

    public Path root() {
        return root;
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.of("image", DType.FLOAT32, "RGB in [0, 1] resized to " + height + " x " + width,
                        3, height, width),
                FieldSpec.of("label", DType.INT64, "class index in " + classes));
    }

    @Override
    public HostBatch gather(int[] indices) {
        int plane = height * width;
        float[] images = new float[indices.length * 3 * plane];
        long[] out = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            writePixels(decode(files.get(indices[i])), images, i * 3 * plane);
            out[i] = labels[indices[i]];
        }
        return HostBatch.builder()
                .put("image", HostArray.ofFloats(images, indices.length, 3, height, width))
                .put("label", HostArray.ofLongs(out, indices.length))
                .build();
    }

    private BufferedImage decode(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(file, 0, "not a readable image: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new DataFileException(file, "not a readable image (expected PNG or JPEG)");
        }
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private void writePixels(BufferedImage rgb, float[] out, int offset) {
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb.getRGB(x, y);
                int i = offset + y * width + x;
                out[i] = ((p >> 16) & 0xFF) / 255f;
                out[i + plane] = ((p >> 8) & 0xFF) / 255f;
                out[i + 2 * plane] = (p & 0xFF) / 255f;
            }
        }
    }
}
