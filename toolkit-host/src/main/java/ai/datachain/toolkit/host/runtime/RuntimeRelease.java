package ai.datachain.toolkit.host.runtime;

import ai.datachain.toolkit.api.CommandException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a runtime made by {@code datachain runtime create} calls itself: its name, its version and
 * the runtimes it was built on, nearest first ({@code <image>/lib/runtime.properties}). The plain
 * toolkit image has no such file. The toolkit version is never stored: it is the host's own.
 *
 * @param bases each base as {@code NAME VERSION}, nearest first; empty when built on the plain toolkit
 */
public record RuntimeRelease(String name, String version, List<String> bases) {

    static final String FILE = "lib/runtime.properties";
    /** Names become file and directory names: no separators, no spaces, nothing a shell would expand. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    public RuntimeRelease {
        bases = List.copyOf(bases);
    }

    /** The release of the image in {@code imageHome}, or empty for the plain toolkit. */
    public static Optional<RuntimeRelease> of(Path imageHome) {
        Path file = imageHome.resolve(FILE);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = properties.getProperty("name", "");
        String version = properties.getProperty("version", "");
        if (!NAME.matcher(name).matches() || !VERSION.matcher(version).matches()) {
            throw new CommandException(file + " is damaged: it needs a name and a version");
        }
        String bases = properties.getProperty("bases", "").trim();
        return Optional.of(new RuntimeRelease(name, version,
                bases.isEmpty() ? List.of() : Arrays.stream(bases.split(",")).map(String::trim).toList()));
    }

    /**
     * What {@code datachain --version} prints for the image in {@code imageHome}; a damaged release
     * file still leaves the toolkit version to print ({@code runtime create} names the damage).
     */
    public static String versionLine(Path imageHome, String toolkitVersion) {
        String toolkit = "datachain " + toolkitVersion;
        try {
            return of(imageHome).map(release -> release.describe(toolkitVersion)).orElse(toolkit);
        } catch (CommandException e) {
            return toolkit;
        }
    }

    /** {@code acme-datachain 2026.12 (datachain toolkit 0.1.0)}, with every base before the toolkit. */
    public String describe(String toolkitVersion) {
        List<String> on = new ArrayList<>(bases);
        on.add("datachain toolkit " + toolkitVersion);
        return name + " " + version + " (" + String.join(", ", on) + ")";
    }

    /** A runtime built on this one, which becomes its nearest base. */
    RuntimeRelease successor(String newName, String newVersion) {
        List<String> chain = new ArrayList<>();
        chain.add(name + " " + version);
        chain.addAll(bases);
        return new RuntimeRelease(newName, newVersion, chain);
    }

    /** Writes the file into {@code imageHome}, byte for byte the same for the same release. */
    void writeInto(Path imageHome) throws IOException {
        // Properties.store would add the current date, and the tarball must not change with the clock.
        String text = "# The runtime this image is, written by 'datachain runtime create'.\n"
                + "name=" + name + "\nversion=" + version + "\nbases=" + String.join(",", bases) + "\n";
        Files.writeString(imageHome.resolve(FILE), text, StandardCharsets.UTF_8);
    }
}
