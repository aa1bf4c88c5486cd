package ai.datachain.toolkit.host.config;

import java.util.Locale;

/** The three families of systems whose config directories differ, told apart by {@code os.name}. */
enum OperatingSystem {
    /** Linux and every other Unix: the XDG base directories. */
    UNIX,
    MACOS,
    WINDOWS;

    /** Java names macOS "Mac OS X" and Windows "Windows 11", "Windows Server 2022"...; the rest is Unix. */
    static OperatingSystem named(String osName) {
        String name = osName.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return UNIX;
    }
}
