package ai.datachain.toolkit.host.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small plugin archives for tests: any entries, any descriptor. */
final class TestArchives {

    private TestArchives() {}

    static String descriptor(String id, String version, String requires) {
        return "plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires + "\n";
    }

    /** A zip (or jar: same format) with the given entries, in order. */
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

    /** A plugin zip with a descriptor and one file in lib/. */
    static Path pluginZip(Path file, String id, String version, String requires) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", descriptor(id, version, requires));
        entries.put("lib/readme.txt", "no classes needed to be installed");
        return write(file, entries);
    }
}
