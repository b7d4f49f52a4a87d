package dev.tensorloom.execution.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The images of a class-per-folder tree, listed exactly as DJL's {@code ImageFolder} lists them (class
 * folders in name order, then each folder's files in directory order, with DJL's image extensions),
 * so that DJL's example i is {@link #file(int) file(i)}. It lets a bad image be named, and it gives the
 * name order that keeps a seeded split the same on every file system.
 */
final class ImageFolderListing {
    /** DJL's {@code AbstractImageFolder} extensions. */
    static final Set<String> EXTENSIONS = Set.of(".jpg", ".jpeg", ".png", ".bmp", ".wbmp", ".gif");

    private final List<String> classes;
    private final List<Path> files;
    private final List<Integer> labels;

    private ImageFolderListing(List<String> classes, List<Path> files, List<Integer> labels) {
        this.classes = List.copyOf(classes);
        this.files = List.copyOf(files);
        this.labels = List.copyOf(labels);
    }

    /** Lists {@code root}; throws naming the folder when there are no classes or no images. */
    static ImageFolderListing of(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DataFileException(root, "not a folder");
        }
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        File[] dirs = root.toFile().listFiles(f -> f.isDirectory() && !f.getName().startsWith("."));
        if (dirs == null || dirs.length == 0) {
            throw new DataFileException(root, "no class folders (expected " + root.resolve("CLASS") + "/IMAGE.png)");
        }
        java.util.Arrays.sort(dirs);
        for (File dir : dirs) {
            int label = classes.size();
            classes.add(dir.getName());
            try (Stream<Path> s = Files.walk(root.resolve(dir.getName()), 1)) {
                s.filter(p -> isImage(p.toFile())).forEach(p -> {
                    files.add(p.toAbsolutePath());
                    labels.add(label);
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new DataFileException(root.resolve(dir.getName()), 0, "cannot list: " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new DataFileException(root, "no images (" + String.join(", ", EXTENSIONS.stream().sorted().toList())
                    + ") in the class folders " + classes);
        }
        return new ImageFolderListing(classes, files, labels);
    }

    /** DJL's test, so both listings agree. */
    private static boolean isImage(File file) {
        String name = file.getName();
        if (!file.isFile() || file.isHidden() || name.startsWith(".")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot).toLowerCase(Locale.ROOT));
    }

    List<String> classes() {
        return classes;
    }

    int size() {
        return files.size();
    }

    /** DJL's example {@code index}. */
    Path file(int index) {
        return files.get(index);
    }

    int label(int index) {
        return labels.get(index);
    }

    /** DJL indices ordered by class, then file name. */
    int[] nameOrder() {
        Comparator<Integer> byClassThenName = Comparator.<Integer>comparingInt(labels::get)
                .thenComparing(i -> files.get(i).getFileName().toString());
        return java.util.stream.IntStream.range(0, files.size()).boxed().sorted(byClassThenName)
                .mapToInt(Integer::intValue).toArray();
    }
}
