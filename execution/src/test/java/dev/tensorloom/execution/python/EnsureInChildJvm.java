package dev.tensorloom.execution.python;

import java.nio.file.Path;

/** Runs {@link ManagedPython#ensure} in a child JVM, so that a test can kill the whole setup midway. */
public final class EnsureInChildJvm {
    private EnsureInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        ManagedPython.at(Path.of(args[0])).ensure(line -> System.out.println(line));
        System.out.println("ENSURED");
    }
}
