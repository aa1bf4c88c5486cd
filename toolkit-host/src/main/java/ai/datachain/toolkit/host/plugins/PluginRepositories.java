package ai.datachain.toolkit.host.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginRepository;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginRepository;

/**
 * Where PF4J looks for plugins in the plugin roots: in an ordinary root, as PF4J does (its jars, its
 * directories, its zips unpacked beside them); a {@linkplain BuildDirectory build directory} is one
 * plugin itself, and nothing in it is unpacked or listed.
 */
final class PluginRepositories {

    private PluginRepositories() {}

    static PluginRepository of(List<Path> roots) {
        List<Path> ordinary = new ArrayList<>();
        List<Path> builds = new ArrayList<>();
        for (Path root : roots) {
            (BuildDirectory.isPluginBuild(root) ? builds : ordinary).add(root);
        }
        // Builds last: an installed or bundled plugin keeps its id, a build with the same id is the duplicate.
        return new CompoundPluginRepository()
                .add(new JarPluginRepository(ordinary))
                .add(new DefaultPluginRepository(ordinary))
                .add(new BuildRepository(builds));
    }

    /** Each build directory is a plugin path. */
    private static final class BuildRepository implements PluginRepository {

        private final List<Path> builds;

        BuildRepository(List<Path> builds) {
            this.builds = List.copyOf(builds);
        }

        @Override
        public List<Path> getPluginPaths() {
            return builds;
        }

        @Override
        public boolean deletePluginPath(Path pluginPath) {
            return false; // a project's build is the developer's, never the host's to delete
        }
    }
}
