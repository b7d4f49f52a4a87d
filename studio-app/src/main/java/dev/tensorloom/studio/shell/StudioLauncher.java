package dev.tensorloom.studio.shell;

/** Starts the JavaFX studio; kept apart from {@link Main} so the command line never loads JavaFX. */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch() {
        javafx.application.Application.launch(StudioApp.class);
    }
}
