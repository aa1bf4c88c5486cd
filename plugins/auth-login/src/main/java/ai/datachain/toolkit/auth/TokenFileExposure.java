package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Warns when a config file that holds the token can be read by other users. Files the toolkit
 * creates are owner-only; a file that existed keeps its mode on every save, so the user hears
 * about it instead of having it changed behind their back.
 */
final class TokenFileExposure {

    private TokenFileExposure() {}

    static void warnIfReadableByOthers(Console console, Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            return;
        }
        if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
            console.warn(file + " holds your Studio token and other users can read it; restrict it with"
                    + " 'chmod 600 " + file + "'");
        }
    }
}
