package ai.datachain.toolkit.host.runtime;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.host.plugins.PluginCoordinates;
import ai.datachain.toolkit.host.plugins.PluginsByCoordinates;
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

    /** A plugin release that {@code repositories} downloads into the scratch directory. */
    static PluginSource download(PluginCoordinates coordinates, PluginsByCoordinates repositories) {
        return new PluginDownload(coordinates, repositories);
    }
}
