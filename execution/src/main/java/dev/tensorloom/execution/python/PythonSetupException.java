package dev.tensorloom.execution.python;

import dev.tensorloom.model.UserError;

/**
 * Setting up the managed Python environment failed: no network, no matching wheel, no venv module.
 * The message names the package and pip's own words, and says how to point Tensorloom at an existing
 * environment instead; front ends show it without a stack trace (exit 2 on the command line).
 */
public final class PythonSetupException extends Exception implements UserError {
    private static final long serialVersionUID = 1L;

    /** How to use an environment the user already has; every message ends with it. */
    public static final String USE_EXISTING = "To use a Python environment you already have instead, point "
            + "Tensorloom at its interpreter: 'tensorloom ... --python PATH', the TENSORLOOM_PYTHON environment "
            + "variable, or Preferences → Python in the studio. It needs the versions in Tensorloom's "
            + "requirements.txt ('tensorloom python status' lists what is missing).";

    private final String packageName;

    /**
     * @param what        what failed, e.g. {@code Could not install torch==2.13.0}
     * @param packageName the package pip could not install, or null when no single package is to blame
     * @param detail      pip's (or venv's) own message
     */
    public PythonSetupException(String what, String packageName, String detail) {
        super(what + (detail == null || detail.isBlank() ? "" : "\n" + detail.strip()) + "\n" + USE_EXISTING);
        this.packageName = packageName;
    }

    /** The package that pip could not install, or null. */
    public String packageName() {
        return packageName;
    }
}
