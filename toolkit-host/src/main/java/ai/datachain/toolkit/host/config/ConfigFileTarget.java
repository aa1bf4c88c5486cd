package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.CommandException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The file an edit really replaces. A config that is a symbolic link (say into a dotfiles
 * repository) is edited through the link: the file it points to is replaced atomically and the
 * link stays a link. Replacing the link itself would silently detach it from its target.
 *
 * <p>A link is followed only into a file that is ours to keep secret: one that belongs to us, that no
 * other user can write, and that lies in a directory no other user can write (or a sticky one). Otherwise a
 * project's {@code .datachain/config} could be a link to a world-writable file, and the token
 * written there would be anyone's. This is decided before anything is written.
 */
final class ConfigFileTarget {

    private ConfigFileTarget() {}

    static Path of(Path file) {
        if (!Files.isSymbolicLink(file)) {
            return file;
        }
        try {
            Path target = file.toRealPath();
            refuseIfOthersCanWrite(file, target);
            return target;
        } catch (NoSuchFileException e) {
            throw new CommandException("cannot write " + file + ": it is a symbolic link to " + linkTarget(file)
                    + ", which does not exist; create that file or remove the link");
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": cannot follow the symbolic link: "
                    + IoMessages.describe(e), e);
        }
    }

    private static void refuseIfOthersCanWrite(Path link, Path target) throws IOException {
        if (!target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        if (!ownedByThisProcess(target)) {
            throw new CommandException("cannot write " + link + ": it is a symbolic link to " + target
                    + ", which belongs to another user (" + Files.getOwner(target).getName() + "), who could read"
                    + " or change it; nothing was written. Remove the link, or link to a copy of your own");
        }
        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(target);
        if (fileMode.contains(PosixFilePermission.GROUP_WRITE) || fileMode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new CommandException("cannot write " + link + ": it is a symbolic link to " + target
                    + ", which other users can write (mode " + PosixFilePermissions.toString(fileMode)
                    + "); nothing was written. Restrict it with 'chmod 600 " + target + "' or remove the link");
        }
        Path directory = target.getParent();
        Set<PosixFilePermission> directoryMode = Files.getPosixFilePermissions(directory);
        boolean othersCanReplace = directoryMode.contains(PosixFilePermission.GROUP_WRITE)
                || directoryMode.contains(PosixFilePermission.OTHERS_WRITE);
        if (othersCanReplace && !sticky(directory)) {
            throw new CommandException("cannot write " + link + ": it is a symbolic link into " + directory
                    + ", which other users can write (mode " + PosixFilePermissions.toString(directoryMode)
                    + "), so they could replace the file; nothing was written. Restrict it with 'chmod go-w "
                    + directory + "' or remove the link");
        }
    }

    /**
     * Whether the file belongs to the user this process runs as. The JDK has no call for our own
     * user id, but {@code /proc/self} belongs to it; where there is no {@code /proc} the mode checks
     * alone apply.
     */
    private static boolean ownedByThisProcess(Path file) throws IOException {
        Path self = Path.of("/proc/self");
        if (!Files.exists(self)) {
            return true;
        }
        return Files.getAttribute(file, "unix:uid").equals(Files.getAttribute(self, "unix:uid"));
    }

    /** A sticky directory ({@code /tmp}) lets only a file's owner replace it. */
    private static boolean sticky(Path directory) throws IOException {
        Object mode = Files.getAttribute(directory, "unix:mode");
        return mode instanceof Integer bits && (bits & 01000) != 0;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }
}
