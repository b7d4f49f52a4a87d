package dev.tensorloom.studio;

/** Starts the JavaFX studio; kept apart from {@link Main} so the command line never loads JavaFX. */
final class StudioLauncher {
    private StudioLauncher() {
    }

    static void launch() {
        javafx.application.Application.launch(StudioApp.class);
    }
}
