package ai.datachain.toolkit.host.runtime;

import ai.datachain.toolkit.host.plugins.PluginCoordinates;
import ai.datachain.toolkit.host.plugins.PluginsByCoordinates;
import java.nio.file.Path;

/**
 * A plugin named by Maven coordinates, downloaded as {@code plugins install} downloads it: the
 * release asked for, or the newest that admits this toolkit, verified against its checksums.
 */
public record PluginDownload(PluginCoordinates coordinates, PluginsByCoordinates repositories)
        implements PluginSource {

    @Override
    public Path archive(Path scratch) {
        return repositories.fetch(coordinates, scratch).artifact().file();
    }

    @Override
    public String describe() {
        return coordinates.toString();
    }
}
