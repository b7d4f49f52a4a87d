package dev.tensorloom.studio;

/** Starts the JavaFX studio; kept apart from {@link Main} so the command line never loads JavaFX. */
final class StudioLauncher {
    private StudioLauncher() {
    }

    /** @param args empty, or one project file to open ({@link StudioApp} reads it from its parameters) */
    static void launch(String[] args) {
        javafx.application.Application.launch(StudioApp.class, args);
    }
}
