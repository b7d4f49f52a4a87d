package dev.tensorloom.studio.cli;

import picocli.CommandLine;

/** Reports the application version from the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = TensorloomCli.class.getPackage().getImplementationVersion();
        return new String[] {"Tensorloom " + (v == null ? "development build" : v)};
    }
}
