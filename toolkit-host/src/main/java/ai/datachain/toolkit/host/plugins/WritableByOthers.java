package ai.datachain.toolkit.host.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plugin files that other users can write are not loaded, as ssh refuses such key files: whoever
 * can change a plugin's jar runs code as you. Checked with stat calls only (no file is opened): a
 * plugin root, each plugin entry, its {@code lib/} and {@code classes/} directories, the jars in
 * {@code lib/}, and the zip a directory was unpacked from.
 *
 * <p>Writable by others is refused always; writable by the group only when the group is not the
 * owner's private one (same name as the owner): with a umask of 002 every file of a user-private
 * group is group-writable and only its owner can write it (Debian's ssh accepts that case too).
 * Who owns the file is not checked: the JDK cannot tell this process's user id reliably.
 */
final class WritableByOthers {

    private WritableByOthers() {}

    /** Why the plugin root cannot be trusted, if it cannot. */
    static Optional<String> root(Path root) {
        return writable(root).map(path -> "plugins in " + root + " skipped: the directory is writable by other"
                + " users; 'chmod go-w " + path + "' fixes that");
    }

    /** Why the plugin at {@code plugin} (a jar, zip or directory) cannot be trusted, if it cannot. */
    static Optional<String> plugin(Path plugin) {
        for (Path path : filesOf(plugin)) {
            Optional<Path> writable = writable(path);
            if (writable.isPresent()) {
                return Optional.of("plugin " + plugin + " skipped: " + (path.equals(plugin) ? "it" : path)
                        + " is writable by other users; 'chmod go-w " + path + "' fixes that");
            }
        }
        return Optional.empty();
    }

    private static List<Path> filesOf(Path plugin) {
        List<Path> files = new ArrayList<>();
        files.add(plugin);
        Path zip = plugin.resolveSibling(plugin.getFileName() + ".zip");
        if (Files.exists(zip)) {
            files.add(zip);
        }
        if (Files.isDirectory(plugin)) {
            files.add(plugin.resolve("classes"));
            Path lib = plugin.resolve("lib");
            files.add(lib);
            if (Files.isDirectory(lib)) {
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.{jar,JAR,Jar}")) {
                    jars.forEach(files::add);
                } catch (IOException e) {
                    // An unreadable lib/ loads nothing either.
                }
            }
        }
        return files;
    }

    /** {@code path} when its group or others may write it; empty for a missing path or a file system without modes. */
    private static Optional<Path> writable(Path path) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        // Names only when needed: each costs a user or group database look-up.
        boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE)
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                        && !attributes.group().getName().equals(attributes.owner().getName());
        return others ? Optional.of(path) : Optional.empty();
    }
}
