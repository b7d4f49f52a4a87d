package dev.tensorloom.studio.export;

import dev.tensorloom.execution.export.ExportProgress;

/** Writes the project as the job says, on the calling (background) thread; the studio's is {@link StandardProjectExporter}. */
@FunctionalInterface
public interface ProjectExporter {
    /**
     * @throws InterruptedException when the thread was interrupted (Cancel) while Python ran
     * @throws Exception            {@code ExportException} and other user errors carry the message to show
     */
    ExportOutcome export(ExportJob job, ExportProgress progress) throws Exception;
}
