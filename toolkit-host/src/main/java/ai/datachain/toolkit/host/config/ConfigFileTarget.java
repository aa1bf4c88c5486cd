package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.CommandException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The file an edit really replaces. A config that is a symbolic link (say into a dotfiles
 * repository) is edited through the link: the file it points to is replaced atomically and the
 * link stays a link. Replacing the link itself would silently detach it from its target.
 */
final class ConfigFileTarget {

    private ConfigFileTarget() {}

    static Path of(Path file) {
        if (!Files.isSymbolicLink(file)) {
            return file;
        }
        try {
            return file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new CommandException("cannot write " + file + ": it is a symbolic link to " + linkTarget(file)
                    + ", which does not exist; create that file or remove the link");
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": cannot follow the symbolic link: "
                    + IoMessages.describe(e), e);
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }
}
