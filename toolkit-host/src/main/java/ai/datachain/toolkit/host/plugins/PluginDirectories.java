package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where plugins are loaded from: the image's own {@code plugins} directory, the user's plugin
 * directory, and every directory named in {@code DATACHAIN_PLUGINS_DIR}.
 */
public final class PluginDirectories {

    public static final String PLUGINS_DIR_VARIABLE = "DATACHAIN_PLUGINS_DIR";
    /**
     * Set (to anything but empty or {@code 0}), only the image's own plugins load: the way back to
     * a working {@code datachain} whatever a plugin you installed does.
     */
    public static final String NO_PLUGINS_VARIABLE = "DATACHAIN_NO_PLUGINS";

    private PluginDirectories() {}

    /** The image's bundled plugins. */
    public static Path bundled(Path imageHome) {
        return imageHome.resolve("plugins");
    }

    /** {@code $XDG_DATA_HOME/datachain/plugins}, else {@code ~/.local/share/datachain/plugins}. */
    public static Path user(Environment environment) {
        Path dataHome = environment.variable("XDG_DATA_HOME").map(Path::of)
                .orElse(environment.homeDirectory().resolve(".local").resolve("share"));
        return dataHome.resolve("datachain").resolve("plugins");
    }

    /** Every directory that exists, in load order, without duplicates; only the image's with {@link #NO_PLUGINS_VARIABLE}. */
    public static List<Path> all(Path imageHome, Environment environment) {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(bundled(imageHome));
        boolean imageOnly = environment.variable(NO_PLUGINS_VARIABLE)
                .filter(value -> !value.isEmpty() && !value.equals("0")).isPresent();
        if (!imageOnly) {
            roots.add(user(environment));
        }
        environment.variable(PLUGINS_DIR_VARIABLE).filter(value -> !imageOnly).ifPresent(value -> {
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    roots.add(Path.of(entry));
                }
            }
        });
        List<Path> existing = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                existing.add(root.toAbsolutePath().normalize());
            }
        }
        return existing;
    }
}
