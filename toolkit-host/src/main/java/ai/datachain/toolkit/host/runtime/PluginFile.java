package ai.datachain.toolkit.host.runtime;

import java.nio.file.Path;

/** A plugin archive ({@code .zip} or {@code .jar}) given by its path. */
public record PluginFile(Path path) implements PluginSource {

    @Override
    public Path archive(Path scratch) {
        return path;
    }

    @Override
    public String describe() {
        return path.toString();
    }
}
