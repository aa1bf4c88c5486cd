package ai.datachain.toolkit.host.plugins;

import java.nio.file.Path;

/**
 * A plugin that was found but left out of the run, and why.
 *
 * @param id its plugin id
 * @param version its version
 * @param path where it was found
 * @param reason why it was left out, e.g. "it needs plugin zbase, which is not installed"
 */
public record SkippedPlugin(String id, String version, Path path, String reason) {

    /** The warning line, without the {@code warning: } prefix. */
    public String warning() {
        return "plugin " + id + " skipped: " + reason;
    }
}
