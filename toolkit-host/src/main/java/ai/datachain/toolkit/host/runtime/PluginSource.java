package ai.datachain.toolkit.host.runtime;

import ai.datachain.toolkit.api.CommandException;
import java.nio.file.Path;

/**
 * Where a plugin for a new runtime comes from. Whatever the source, the archive it yields goes
 * through the checks of {@code datachain plugins install}.
 */
public interface PluginSource {

    /** The plugin archive on this machine; {@code scratch} is an empty directory it may download into. */
    Path archive(Path scratch) throws CommandException;

    /** The source as the user named it, for messages. */
    String describe();

    /** A plugin archive on this machine. */
    static PluginSource file(Path path) {
        return new PluginFile(path);
    }
}
