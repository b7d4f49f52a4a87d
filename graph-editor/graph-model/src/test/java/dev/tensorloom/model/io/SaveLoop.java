package dev.tensorloom.model.io;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link SaveKillTest}: saves two versions of a project file over each other as fast
 * as it can, until it is killed. Prints {@code saved} once the first save is on disk. It writes the bytes
 * {@link ProjectWriter#write} would write, through the same {@link AtomicFile#write}, but takes them ready
 * made so that each of the test's fifty JVMs starts in well under a second (no Jackson, no JGraphT).
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    /** A project of {@code nodes} nodes whose every label says which version it is. */
    static Project version(String label, int nodes) {
        Document doc = new Document();
        for (int i = 0; i < nodes; i++) {
            doc.addNode(new Node("n" + i, "linear", label + " " + i, Map.of("out_features", 64L),
                    new Position(i, -i), null));
        }
        return new Project("version " + label, doc);
    }

    /** Arguments: the project file, then the two versions' bytes as files. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        byte[] a = Files.readAllBytes(Path.of(args[1]));
        byte[] b = Files.readAllBytes(Path.of(args[2]));
        for (long i = 0; ; i++) {
            AtomicFile.write(file, i % 2 == 0 ? b : a);
            if (i == 0) {
                System.out.println("saved");
                System.out.flush();
            }
        }
    }
}
