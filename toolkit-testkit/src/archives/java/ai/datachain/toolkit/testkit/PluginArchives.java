package ai.datachain.toolkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * Plugin archives written by tests: a PF4J plugin jar from classes compiled with the tests
 * ({@link #jar}), a plugin zip with a descriptor ({@link #pluginZip}), or an archive with exactly
 * the entries given, to try every kind of bad one ({@link #write}).
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
     * @return the descriptor's text
     */
    public static String descriptor(String id, String version, String requires) {
        return "plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires + "\n";
    }

    /**
     * A zip or jar (the same format) with exactly these entries, in order.
     *
     * @param file where to write it; missing parent directories are created
     * @param entries entry names and their text
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path write(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * A plugin zip that installs and lists but has no commands: a descriptor and a file in {@code lib/}.
     *
     * @param file where to write it
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
     * A plugin jar with this id, version 1.0.0 and no {@code requires} range until told otherwise.
     *
     * @param id the plugin id
     * @return a builder; {@link Jar#writeTo} writes the jar
     */
    public static Jar jar(String id) {
        return new Jar(id);
    }

    /**
     * A PF4J plugin jar: the descriptor in its manifest, the extension classes (read from the
     * class path of the test), and the {@code META-INF/extensions.idx} PF4J's annotation processor
     * would write for them.
     */
    public static final class Jar {

        private final String id;
        private String version = "1.0.0";
        private String requires = "*";
        private final List<Class<?>> extensions = new ArrayList<>();

        private Jar(String id) {
            this.id = id;
        }

        /**
         * @param version the plugin version
         * @return this builder
         */
        public Jar version(String version) {
            this.version = version;
            return this;
        }

        /**
         * @param requires the range of datachain versions the plugin admits
         * @return this builder
         */
        public Jar requires(String requires) {
            this.requires = requires;
            return this;
        }

        /**
         * @param extension an {@code @Extension} class on the test's class path, copied into the jar
         * @return this builder
         */
        public Jar extension(Class<?> extension) {
            extensions.add(extension);
            return this;
        }

        /**
         * Writes {@code <id>-<version>.jar} into {@code directory}.
         *
         * @param directory where to write it; created when missing
         * @return the jar's path
         * @throws IOException when a class file cannot be read or the jar cannot be written
         */
        public Path writeTo(Path directory) throws IOException {
            Files.createDirectories(directory);
            Manifest manifest = new Manifest();
            Attributes attributes = manifest.getMainAttributes();
            attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            attributes.putValue("Plugin-Id", id);
            attributes.putValue("Plugin-Version", version);
            attributes.putValue("Plugin-Requires", requires);
            Path jar = directory.resolve(id + "-" + version + ".jar");
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                StringBuilder index = new StringBuilder();
                for (Class<?> extension : extensions) {
                    String resource = extension.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(resource));
                    try (InputStream bytes = extension.getClassLoader().getResourceAsStream(resource)) {
                        if (bytes == null) {
                            throw new IOException("no class file for " + extension.getName());
                        }
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
}
