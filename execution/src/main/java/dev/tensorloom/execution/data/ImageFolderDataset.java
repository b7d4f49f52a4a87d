package dev.tensorloom.execution.data;

import ai.djl.Device;
import ai.djl.basicdataset.cv.classification.ImageFolder;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Record;
import dev.tensorloom.model.shape.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Images sorted into one folder per class ({@code root/cat/1.png}, {@code root/dog/2.jpg}), read through
 * DJL's {@code ImageFolder}: classes are the sub-folders in name order, labelled 0, 1, …; images (PNG,
 * JPEG, BMP, GIF) are decoded by DJL's image factory (Java2D, works headless) when gathered and resized
 * bilinearly to {@code height x width}. Examples are in class-then-file-name order. Fields {@code image}
 * float32 [B, 3, H, W] in [0, 1] and {@code label} int64 [B]. An unreadable image is a
 * {@link DataFileException} naming it.
 */
public final class ImageFolderDataset implements ExampleTable {
    private final Path root;
    private final int height;
    private final int width;
    private final ImageFolder folder;
    private final ImageFolderListing listing;
    /** Our example i is DJL's example order[i]. */
    private final int[] order;

    private ImageFolderDataset(Path root, int height, int width, ImageFolder folder, ImageFolderListing listing) {
        this.root = root;
        this.height = height;
        this.width = width;
        this.folder = folder;
        this.listing = listing;
        this.order = listing.nameOrder();
    }

    /** Lists the images under {@code root}; throws naming the folder when there are no classes or images. */
    public static ImageFolderDataset open(Path root, int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + height + " x " + width);
        }
        ImageFolderListing listing = ImageFolderListing.of(root);
        // No size for DJL: its resize truncates back to uint8 (255 becomes 254); we resize in float.
        ImageFolder folder = ImageFolder.builder().setRepositoryPath(root.toAbsolutePath())
                .setSampling(1, false).build();
        try {
            folder.prepare(null);
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(root, 0, "cannot list: " + e.getMessage(), e);
        }
        if (folder.size() != listing.size() || !folder.getClasses().equals(listing.classes())) {
            throw new DataFileException(root, "changed while it was listed");
        }
        return new ImageFolderDataset(root, height, width, folder, listing);
    }

    /** Class names in label order. */
    public List<String> classes() {
        return listing.classes();
    }

    /** The image file of example {@code index}. */
    public Path file(int index) {
        return listing.file(order[index]);
    }

    public Path root() {
        return root;
    }

    @Override
    public int size() {
        return order.length;
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.of("image", DType.FLOAT32, "RGB in [0, 1] resized to " + height + " x " + width,
                        3, height, width),
                FieldSpec.of("label", DType.INT64, "class index in " + classes()));
    }

    @Override
    public HostBatch gather(int[] indices) {
        int example = 3 * height * width;
        float[] images = new float[indices.length * example];
        long[] labels = new long[indices.length];
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (int i = 0; i < indices.length; i++) {
                int djlIndex = order[indices[i]];
                Record record = read(manager, djlIndex);
                float[] chw = resized(record.getData().singletonOrThrow()).toFloatArray();
                System.arraycopy(chw, 0, images, i * example, example);
                labels[i] = record.getLabels().singletonOrThrow().toLongArray()[0];
                record.getData().close();
                record.getLabels().close();
            }
        }
        return HostBatch.builder()
                .put("image", HostArray.ofFloats(images, indices.length, 3, height, width))
                .put("label", HostArray.ofLongs(labels, indices.length))
                .build();
    }

    /** HWC uint8 to CHW float32 in [0, 1]: bilinear in float, rounded to whole 8-bit levels as decoded. */
    private NDArray resized(NDArray hwc) {
        NDArray image = hwc.toType(DataType.FLOAT32, false);
        if (image.getShape().get(0) != height || image.getShape().get(1) != width) {
            image = NDImageUtils.resize(image, width, height, Image.Interpolation.BILINEAR).round();
        }
        return NDImageUtils.toTensor(image);
    }

    /** DJL's record: the decoded HWC uint8 image and its class. */
    private Record read(NDManager manager, int djlIndex) {
        Path file = listing.file(djlIndex);
        try {
            Record r = folder.get(manager, djlIndex);
            NDArray image = r.getData().singletonOrThrow();
            if (image.getShape().dimension() != 3 || image.getShape().get(2) != 3) {
                throw new DataFileException(file, "decoded to shape " + image.getShape() + ", expected H x W x 3");
            }
            return r;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw new DataFileException(file, 0, "not a readable image (expected PNG, JPEG, BMP or GIF)", e);
        }
    }
}
