package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file of a weights folder the PyTorch engine hands to {@code train.py --weights}, and which folders it refuses. */
class TorchRunLauncherWeightsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithSafetensorsGivesThatFile() throws Exception {
        Path file = Files.writeString(dir.resolve("weights.safetensors"), "x");
        assertEquals(file, TorchRunLauncher.weightsFile(dir));
    }

    @Test
    void onlyTheOlderParamsBinSaysWhichEngineReadsIt() throws Exception {
        Files.writeString(dir.resolve("params.bin"), "x");
        String message = assertThrows(IllegalArgumentException.class, () -> TorchRunLauncher.weightsFile(dir)).getMessage();
        assertEquals(dir + " holds params.bin, which only the DJL engine reads; start from it on DJL, or save the "
                + "weights again with a newer tensorloom train --save", message);
    }

    @Test
    void aFolderWithoutWeightsIsNamed() {
        String message = assertThrows(IllegalArgumentException.class, () -> TorchRunLauncher.weightsFile(dir)).getMessage();
        assertEquals(dir + " holds no weights (weights.safetensors or params.bin)", message);
    }
}
