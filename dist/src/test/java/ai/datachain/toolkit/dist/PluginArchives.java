package ai.datachain.toolkit.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** A loadable plugin zip without commands: a descriptor and a file in lib/. */
    static Path pluginZip(Path file, String id, String version, String requires) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", descriptor(id, version, requires));
        entries.put("lib/notes.txt", "a plugin needs no classes to be installed and listed");
        return write(file, entries);
    }
}
