package dev.tensorloom.studio.export;

import java.nio.file.Path;

/**
 * One export as the dialog asked for it.
 *
 * @param folder  where the package goes
 * @param force   whether what the folder holds is replaced (the user agreed)
 * @param weights a weights folder to export (the last run's), or null for the initial weights of the seed
 * @param python  the interpreter that writes model.onnx, or null for the PyTorch package alone
 */
public record ExportJob(ExportFormat format, Path folder, boolean force, Path weights, Path python) {
}
