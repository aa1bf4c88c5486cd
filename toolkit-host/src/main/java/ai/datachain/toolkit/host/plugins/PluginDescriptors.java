package ai.datachain.toolkit.host.plugins;

import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;

/** Reads plugin descriptors with PF4J's own finders, so we see what the plugin manager will see. */
final class PluginDescriptors {

    private PluginDescriptors() {}

    /** The finder the plugin manager uses too: {@code plugin.properties} first, then the manifest. */
    static PluginDescriptorFinder finder() {
        return new CompoundPluginDescriptorFinder()
                .add(new PluginPropertiesFinder())
                .add(new ManifestPluginDescriptorFinder());
    }

    /** The descriptor of a plugin directory, jar or zip, or why it has none that PF4J accepts. */
    static PluginDescriptor read(Path plugin) throws InvalidDescriptorException {
        PluginDescriptor descriptor;
        try {
            descriptor = finder().find(plugin);
        } catch (RuntimeException e) {
            throw new InvalidDescriptorException(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Optional<String> problem = problem(descriptor);
        if (problem.isPresent()) {
            throw new InvalidDescriptorException(problem.get());
        }
        return descriptor;
    }

    /** The descriptor, or empty for anything PF4J would not load. */
    static Optional<PluginDescriptor> find(Path plugin) {
        try {
            return Optional.of(read(plugin));
        } catch (InvalidDescriptorException e) {
            return Optional.empty();
        }
    }

    /** PF4J's own rules (an id and a version), plus an id that is safe as a directory name. */
    private static Optional<String> problem(PluginDescriptor descriptor) {
        String id = descriptor.getPluginId();
        if (id == null || id.isBlank()) {
            return Optional.of("it names no plugin id (plugin.id or Plugin-Id)");
        }
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return Optional.of("its plugin id '" + id + "' may only use letters, digits, '.', '_' and '-'");
        }
        String version = descriptor.getVersion();
        if (version == null || version.isBlank()) {
            return Optional.of("plugin " + id + " names no version (plugin.version or Plugin-Version)");
        }
        return Optional.empty();
    }

    /** A descriptor PF4J would refuse, with the reason. */
    static final class InvalidDescriptorException extends Exception {
        InvalidDescriptorException(String message) {
            super(message);
        }
    }
}
