package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a child JVM saves a project over and over and is killed with SIGKILL at a random
 * moment, 50 times. Each time the file must be the old or the new version byte for byte, and after the
 * next save no temporary file may be left beside it.
 */
class SaveKillTest {
    private static final int KILLS = 50;
    /** About 250 KB a version, so a save takes long enough for most kills to land inside one. */
    private static final int NODES = 1500;

    @TempDir
    Path dir;

    @Test
    void killingASaveLeavesTheOldOrTheNewFileAndTheNextSaveCleansUp() throws Exception {
        Path file = dir.resolve("model.tlm");
        byte[] a = ProjectWriter.toJson(SaveLoop.version("A", NODES)).getBytes(StandardCharsets.UTF_8);
        byte[] b = ProjectWriter.toJson(SaveLoop.version("B", NODES)).getBytes(StandardCharsets.UTF_8);
        Path versions = Files.createTempDirectory("versions");
        Path aFile = Files.write(versions.resolve("a"), a);
        Path bFile = Files.write(versions.resolve("b"), b);
        ProjectWriter.write(SaveLoop.version("A", NODES), file);
        Random random = new Random(21);
        int tempsLeftByKills = 0;
        for (int k = 0; k < KILLS; k++) {
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", SaveLoop.class.getName(), file.toString(),
                    aFile.toString(), bFile.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertEquals("saved", line, "the child did not start saving");
                Thread.sleep(random.nextInt(40));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            byte[] now = Files.readAllBytes(file);
            assertTrue(Arrays.equals(now, a) || Arrays.equals(now, b),
                    "kill " + k + " left a file that is neither version (" + now.length + " bytes)");
            tempsLeftByKills += temps().size();

            ProjectWriter.write(SaveLoop.version(k % 2 == 0 ? "A" : "B", NODES), file);
            assertEquals(List.of(), temps(), "after the save following kill " + k);
        }
        // Not the test's purpose, but proof that it exercised the clean-up at all.
        assertTrue(tempsLeftByKills > 0, "no kill landed inside a save; the test proved nothing");
        Files.delete(aFile);
        Files.delete(bFile);
        Files.delete(versions);
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals("model.tlm")).toList();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
