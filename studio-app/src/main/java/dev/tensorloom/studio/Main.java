package dev.tensorloom.studio;

/** Entry point: no arguments opens the studio, anything else is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("Tensorloom Studio");
    }
}
