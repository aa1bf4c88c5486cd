package ai.datachain.toolkit.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small plugin archives written by the tests: valid ones, and each kind of bad one. */
final class PluginArchives {

    private PluginArchives() {}

    static String descriptor(String id, String version, String requires) {
        return "plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires + "\n";
    }

    /** A zip or jar with exactly these entries, in order. */
    static Path write(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
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
     * A plugin jar with these extension classes (compiled with the tests, so only API types may be
     * referenced): a manifest descriptor, the classes, and the index PF4J's annotation processor
     * would write.
     */
    static Path pluginJar(Path file, String id, String version, String requires, Class<?>... extensions)
            throws IOException {
        Files.createDirectories(file.getParent());
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", id);
        attributes.putValue("Plugin-Version", version);
        attributes.putValue("Plugin-Requires", requires);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            StringBuilder index = new StringBuilder();
            for (Class<?> extension : extensions) {
                String resource = extension.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(resource));
                try (InputStream bytes = extension.getClassLoader().getResourceAsStream(resource)) {
                    bytes.transferTo(jar);
                }
                jar.closeEntry();
                index.append(extension.getName()).append('\n');
            }
            jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jar.write(index.toString().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }

    /** A loadable plugin zip without commands: a descriptor and a file in lib/. */
    static Path pluginZip(Path file, String id, String version, String requires) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", descriptor(id, version, requires));
        entries.put("lib/notes.txt", "a plugin needs no classes to be installed and listed");
        return write(file, entries);
    }
}
