package ai.datachain.toolkit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a PF4J plugin from classes compiled with a test, without a Maven build: the descriptor
 * in the manifest, the classes, and the {@code META-INF/extensions.idx} that PF4J's annotation
 * processor would write. For tests of how {@code datachain} treats plugins, good and bad:
 *
 * <pre>{@code
 * Path jar = PluginJar.withId("greeter").extension(GreetCommand.class).dependsOn("base").writeTo(dir);
 * }</pre>
 *
 * <p>Extension classes must implement an extension point of toolkit-api and need nothing but the
 * image's libraries; their nested classes are not copied.
 */
public final class PluginJar {

    private final Map<String, String> descriptor = new LinkedHashMap<>();
    private final List<Class<?>> extensions = new ArrayList<>();

    private PluginJar(String id) {
        descriptor.put("Plugin-Id", id);
        descriptor.put("Plugin-Version", "1.0.0");
        descriptor.put("Plugin-Requires", "*");
    }

    /**
     * A plugin with this id, version 1.0.0, for any datachain.
     *
     * @param id the plugin id
     * @return a builder
     */
    public static PluginJar withId(String id) {
        return new PluginJar(id);
    }

    /**
     * @param version the plugin version
     * @return this builder
     */
    public PluginJar version(String version) {
        return attribute("Plugin-Version", version);
    }

    /**
     * The datachain versions it runs on ({@code plugin.requires}).
     *
     * @param range a version range, e.g. {@code >=0.1.0}
     * @return this builder
     */
    public PluginJar requires(String range) {
        return attribute("Plugin-Requires", range);
    }

    /**
     * Its {@code Plugin-Dependencies}, PF4J's syntax: {@code base, other@>=2.0.0, optional?}.
     *
     * @param dependencies the dependencies as PF4J writes them
     * @return this builder
     */
    public PluginJar dependsOn(String dependencies) {
        return attribute("Plugin-Dependencies", dependencies);
    }

    /**
     * Any descriptor attribute, e.g. a {@code Plugin-Id} PF4J refuses.
     *
     * @param name the manifest attribute, e.g. {@code Plugin-Provider}
     * @param value its value
     * @return this builder
     */
    public PluginJar attribute(String name, String value) {
        descriptor.put(name, value);
        return this;
    }

    /**
     * Adds a class to the jar and lists it in {@code META-INF/extensions.idx}.
     *
     * @param extension an {@code @Extension} class on the test's class path
     * @return this builder
     */
    public PluginJar extension(Class<?> extension) {
        extensions.add(extension);
        return this;
    }

    private String id() {
        return descriptor.get("Plugin-Id");
    }

    /**
     * Writes {@code <id>-<version>.jar} into {@code directory}.
     *
     * @param directory where to write it; created when missing
     * @return the jar's path
     */
    public Path writeTo(Path directory) {
        Path jar = directory.resolve(id() + "-" + descriptor.get("Plugin-Version") + ".jar");
        try {
            Files.createDirectories(directory);
            Files.write(jar, jarBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
        return jar;
    }

    /**
     * Writes {@code <id>-<version>.zip} into {@code directory}, the layout {@code plugins install}
     * and PF4J take: {@code plugin.properties} at the top and the jar in {@code lib/}.
     *
     * @param directory where to write it; created when missing
     * @return the zip's path
     */
    public Path zipTo(Path directory) {
        Path zip = directory.resolve(id() + "-" + descriptor.get("Plugin-Version") + ".zip");
        StringBuilder properties = new StringBuilder();
        descriptor.forEach((name, value) -> properties.append(propertyName(name)).append('=').append(value)
                .append('\n'));
        try {
            Files.createDirectories(directory);
            try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
                out.putNextEntry(new ZipEntry("plugin.properties"));
                out.write(properties.toString().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                out.putNextEntry(new ZipEntry("lib/" + id() + ".jar"));
                out.write(jarBytes());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        }
        return zip;
    }

    /** {@code Plugin-Dependencies} as {@code plugin.dependencies}. */
    private static String propertyName(String attribute) {
        return "plugin." + attribute.substring("Plugin-".length()).toLowerCase(java.util.Locale.ROOT);
    }

    private byte[] jarBytes() throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        descriptor.forEach(attributes::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            StringBuilder index = new StringBuilder();
            for (Class<?> extension : extensions) {
                String resource = extension.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(resource));
                try (InputStream in = extension.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("no class file for " + extension.getName());
                    }
                    in.transferTo(out);
                }
                out.closeEntry();
                index.append(extension.getName()).append('\n');
            }
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write(index.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
