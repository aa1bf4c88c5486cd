package ai.datachain.toolkit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Plugin archives written by tests: a PF4J plugin jar or zip from classes compiled with the tests,
 * with any descriptor ({@link #jar}), a plugin zip with a descriptor and no classes
 * ({@link #pluginZip}), or an archive with exactly the entries given, to try every kind of bad one
 * ({@link #write}). Every method throws {@link IOException} when a file cannot be read or written.
 *
 * <pre>{@code
 * Path jar = PluginArchives.jar("greeter").dependsOn("base").extension(GreetCommand.class).writeTo(dir);
 * }</pre>
 *
 * <p>This file has no dependency beyond the JDK: the host's own tests compile it too (they cannot
 * depend on the testkit, which depends on the host).
 */
public final class PluginArchives {

    private PluginArchives() {}

    /**
     * The text of a {@code plugin.properties}.
     *
     * @param id the plugin id
     * @param version the plugin version
     * @param requires the range of datachain versions it admits, e.g. {@code >=0.1.0}
     * @return the descriptor's text: {@code plugin.id}, {@code plugin.version} and
     *     {@code plugin.requires}, one a line
     */
    public static String descriptor(String id, String version, String requires) {
        return "plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires + "\n";
    }

    /**
     * A zip or jar (the same format) with exactly these entries, in order.
     *
     * @param file where to write it; missing parent directories are created
     * @param entries entry names and their text, written as UTF-8
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path write(Path file, Map<String, String> entries) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return zip(file, bytes);
    }

    /**
     * A plugin zip that installs and lists but has no commands: a descriptor and a file in {@code lib/}.
     *
     * @param file where to write it; missing parent directories are created
     * @param id the plugin id
     * @param version the plugin version
     * @param requires the range of datachain versions it admits
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path pluginZip(Path file, String id, String version, String requires) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", descriptor(id, version, requires));
        entries.put("lib/readme.txt", "a plugin needs no classes to be installed and listed");
        return write(file, entries);
    }

    /**
     * A plugin with this id, version 1.0.0, for any datachain ({@code Plugin-Requires: *}) and no
     * dependencies until told otherwise.
     *
     * @param id the plugin id
     * @return a builder; {@link Jar#writeTo} writes the jar, {@link Jar#zipTo} the zip
     */
    public static Jar jar(String id) {
        return new Jar(id);
    }

    private static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * A PF4J plugin, built without Maven: the descriptor in its jar's manifest, the extension
     * classes (read from the class path of the test), and the {@code META-INF/extensions.idx}
     * PF4J's annotation processor would write for them.
     *
     * <p>Extension classes must implement an extension point of toolkit-api and need nothing but
     * the image's libraries; their nested classes are not copied.
     */
    public static final class Jar {

        private static final String PREFIX = "Plugin-";

        private final Attributes descriptor = new Attributes();
        private final List<Class<?>> extensions = new ArrayList<>();

        private Jar(String id) {
            descriptor.putValue("Plugin-Id", id);
            descriptor.putValue("Plugin-Version", "1.0.0");
            descriptor.putValue("Plugin-Requires", "*");
        }

        /**
         * @param version the plugin version ({@code Plugin-Version})
         * @return this builder
         */
        public Jar version(String version) {
            return attribute("Plugin-Version", version);
        }

        /**
         * @param requires the range of datachain versions the plugin admits ({@code Plugin-Requires}),
         *     e.g. {@code >=0.1.0}
         * @return this builder
         */
        public Jar requires(String requires) {
            return attribute("Plugin-Requires", requires);
        }

        /**
         * @param dependencies its {@code Plugin-Dependencies} in PF4J's syntax, e.g.
         *     {@code base, other@>=2.0.0, optional?}
         * @return this builder
         */
        public Jar dependsOn(String dependencies) {
            return attribute("Plugin-Dependencies", dependencies);
        }

        /**
         * Sets any attribute of the manifest, replacing one of that name (names are case-insensitive),
         * e.g. a {@code Plugin-Id} PF4J refuses or a {@code Plugin-Provider}.
         *
         * @param name the manifest attribute
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException when {@code name} is not a valid manifest attribute name
         */
        public Jar attribute(String name, String value) {
            descriptor.putValue(name, value);
            return this;
        }

        /**
         * Adds a class to the jar and lists it in {@code META-INF/extensions.idx}.
         *
         * @param extension an {@code @Extension} class on the test's class path
         * @return this builder
         */
        public Jar extension(Class<?> extension) {
            extensions.add(extension);
            return this;
        }

        /**
         * Writes the plugin jar as {@code <id>-<version>.jar} into {@code directory}, replacing a
         * file of that name.
         *
         * @param directory where to write it; created when missing
         * @return the jar's path
         * @throws IOException when a class file cannot be read or the jar cannot be written
         */
        public Path writeTo(Path directory) throws IOException {
            Files.createDirectories(directory);
            return Files.write(directory.resolve(fileName(".jar")), jarBytes());
        }

        /**
         * Writes {@code <id>-<version>.zip} into {@code directory}, the layout {@code plugins install}
         * and PF4J take: a {@code plugin.properties} at the top and the jar {@link #writeTo} writes as
         * {@code lib/<id>.jar}. The properties hold each {@code Plugin-*} attribute in PF4J's
         * property form ({@code Plugin-Dependencies} as {@code plugin.dependencies}), in the order
         * they were first set; any other attribute is in the jar's manifest only.
         *
         * @param directory where to write it; created when missing
         * @return the zip's path
         * @throws IOException when a class file cannot be read or the zip cannot be written
         */
        public Path zipTo(Path directory) throws IOException {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("plugin.properties", properties().getBytes(StandardCharsets.UTF_8));
            entries.put("lib/" + descriptor.getValue("Plugin-Id") + ".jar", jarBytes());
            return zip(directory.resolve(fileName(".zip")), entries);
        }

        private String fileName(String extension) {
            return descriptor.getValue("Plugin-Id") + "-" + descriptor.getValue("Plugin-Version") + extension;
        }

        /** The {@code Plugin-*} attributes as {@code plugin.properties} text. */
        private String properties() {
            StringBuilder properties = new StringBuilder();
            descriptor.forEach((key, value) -> {
                String name = key.toString();
                if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                    properties.append("plugin.").append(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT))
                            .append('=').append(value).append('\n');
                }
            });
            return properties.toString();
        }

        private byte[] jarBytes() throws IOException {
            Manifest manifest = new Manifest();
            Attributes attributes = manifest.getMainAttributes();
            attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            attributes.putAll(descriptor);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
                StringBuilder index = new StringBuilder();
                for (Class<?> extension : extensions) {
                    String resource = extension.getName().replace('.', '/') + ".class";
                    jar.putNextEntry(new JarEntry(resource));
                    try (InputStream in = extension.getClassLoader().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IOException("no class file for " + extension.getName());
                        }
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                    index.append(extension.getName()).append('\n');
                }
                jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                jar.write(index.toString().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            return bytes.toByteArray();
        }
    }
}
