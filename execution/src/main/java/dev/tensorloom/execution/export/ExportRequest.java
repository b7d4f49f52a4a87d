package dev.tensorloom.execution.export;

import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.model.doc.Document;
import java.nio.file.Path;

/**
 * What to export: the project, how it trains (the run's overrides, as for {@code tensorloom train}), an
 * optional weights folder to start from (else the initial weights of the project's seed), and where.
 *
 * @param title       the project's name, used in the generated code and README
 * @param projectHash SHA-256 of the project file's bytes (or the template's), recorded in export.json
 * @param weights     a folder written by {@code train --save} or {@code train.py --save}, or null
 */
public record ExportRequest(Document document, String title, String projectHash, RunOptions options, Path weights,
        Path out, boolean force) {
}
