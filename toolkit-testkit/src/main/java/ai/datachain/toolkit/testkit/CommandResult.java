package ai.datachain.toolkit.testkit;

/**
 * What one {@code datachain} run left behind.
 *
 * @param exitCode the process's exit code
 * @param stdout everything written to standard output
 * @param stderr everything written to standard error
 */
public record CommandResult(int exitCode, String stdout, String stderr) {

    /** For assertion messages: the whole run at a glance. */
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
