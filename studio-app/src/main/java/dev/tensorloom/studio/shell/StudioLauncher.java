package dev.tensorloom.studio.shell;

/** Starts the JavaFX studio; kept apart from {@link Main} so the command line never loads JavaFX. */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    /** @param args empty, or one project file to open ({@link StudioApp} reads it from its parameters) */
    public static void launch(String[] args) {
        StartupSettings.begin();
        javafx.application.Application.launch(StudioApp.class, args);
    }
}
