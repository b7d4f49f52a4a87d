package dev.tensorloom.model.validate;

import java.util.List;

/** Counts of errors and warnings with the one-line text the status bar shows ("2 errors, 1 warning"). */
public record ValidationSummary(int errors, int warnings) {

    public static ValidationSummary of(List<Problem> problems) {
        int errors = (int) problems.stream().filter(Problem::isError).count();
        return new ValidationSummary(errors, problems.size() - errors);
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public boolean isClean() {
        return errors == 0 && warnings == 0;
    }

    /** "No problems", "1 error", "3 warnings", "2 errors, 1 warning". */
    public String text() {
        if (isClean()) {
            return "No problems";
        }
        String e = count(errors, "error");
        String w = count(warnings, "warning");
        if (errors == 0) {
            return w;
        }
        return warnings == 0 ? e : e + ", " + w;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return text();
    }
}
