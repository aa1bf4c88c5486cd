package ai.datachain.toolkit.host.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds a PF4J plugin jar from classes compiled with the tests: a manifest descriptor, the
 * classes, and the {@code META-INF/extensions.idx} that PF4J's annotation processor would write.
 */
public final class TestPluginJar {

    private final String id;
    private String version = "1.0.0";
    private String requires = "*";
    private final List<Class<?>> extensions = new ArrayList<>();

    private TestPluginJar(String id) {
        this.id = id;
    }

    public static TestPluginJar withId(String id) {
        return new TestPluginJar(id);
    }

    public TestPluginJar version(String version) {
        this.version = version;
        return this;
    }

    public TestPluginJar requires(String requires) {
        this.requires = requires;
        return this;
    }

    public TestPluginJar extension(Class<?> extension) {
        extensions.add(extension);
        return this;
    }

    /** Writes {@code <id>-<version>.jar} into {@code directory} and returns its path. */
    public Path writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", id);
        attributes.putValue("Plugin-Version", version);
        attributes.putValue("Plugin-Requires", requires);
        Path jar = directory.resolve(id + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            StringBuilder index = new StringBuilder();
            for (Class<?> extension : extensions) {
                String resource = extension.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(resource));
                try (InputStream bytes = extension.getClassLoader().getResourceAsStream(resource)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
                index.append(extension.getName()).append('\n');
            }
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write(index.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
