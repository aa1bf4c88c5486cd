package ai.datachain.toolkit.host.runtime;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.host.config.ConfigFileReader;
import ai.datachain.toolkit.host.plugins.PluginDirectories;
import ai.datachain.toolkit.host.plugins.UserPluginDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a new runtime image from the one this process runs on: a copy of it with a new defaults
 * layer, more plugins, a class-data archive trained for them, and a name; then its tarball and
 * the tarball's SHA-256 beside it. Everything is checked before the copy starts, built in a hidden
 * directory beside the output, and moved into place at the end, so a failure leaves nothing.
 */
public final class RuntimeBuild {

    /** What to build. Empty name and version are the base's (or the toolkit's). */
    public record Request(Path output, Optional<Path> config, List<PluginSource> plugins, Optional<String> name,
            Optional<String> version, boolean force) {

        public Request {
            plugins = List.copyOf(plugins);
        }
    }

    /** What was built. */
    public record Result(RuntimeRelease release, Path image, Path tarball, Path checksum) {}

    private final Path base;
    private final String toolkitVersion;
    private final long releaseTime;
    private final ConfigFileReader configReader;
    private final String searchPath;

    /**
     * @param base the image to copy
     * @param releasedAt the time every tarball entry carries (ISO-8601; the toolkit's build time),
     *     the epoch when empty
     * @param configReader reads the defaults file the way the new runtime will
     * @param searchPath the {@code PATH} the class-data training runs with
     */
    public RuntimeBuild(Path base, String toolkitVersion, String releasedAt, ConfigFileReader configReader,
            String searchPath) {
        this.base = base;
        this.toolkitVersion = toolkitVersion;
        this.releaseTime = releasedAt.isEmpty() ? 0 : Instant.parse(releasedAt).getEpochSecond();
        this.configReader = configReader;
        this.searchPath = searchPath;
    }

    /**
     * Builds the runtime. {@code progress} hears of each slow step once every check has passed,
     * so a refused request prints nothing but its error.
     */
    public Result build(Request request, Consumer<String> progress) throws CommandException {
        Path image = base.toAbsolutePath().normalize();
        Optional<RuntimeRelease> baseRelease = RuntimeRelease.of(image);
        String name = request.name().or(() -> baseRelease.map(RuntimeRelease::name)).orElse("datachain");
        String version = request.version().or(() -> baseRelease.map(RuntimeRelease::version)).orElse(toolkitVersion);
        check("--name", name, RuntimeRelease.NAME, "letters, digits, '.', '_' and '-'");
        check("--version", version, RuntimeRelease.VERSION, "letters, digits, '.', '_', '-' and '+'");
        RuntimeRelease release = baseRelease.map(b -> b.successor(name, version))
                .orElseGet(() -> new RuntimeRelease(name, version, List.of()));

        Path output = request.output().toAbsolutePath().normalize();
        Path tarball = output.resolveSibling(name + "-" + version + "-" + platform() + ".tar.gz");
        Path checksum = output.resolveSibling(tarball.getFileName() + ".sha256");
        checkOutput(image, output, tarball, checksum, request.force());
        Optional<byte[]> config = request.config().map(this::readConfig);

        List<Path> createdParents = createParents(output.getParent());
        Path staging = null;
        Thread cleanup = null;
        boolean done = false;
        try {
            staging = Files.createTempDirectory(output.getParent(), "." + output.getFileName() + ".creating-");
            Path stagingToDelete = staging;
            cleanup = new Thread(() -> abandon(stagingToDelete, createdParents), "datachain-runtime-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);

            List<Path> plugins = checkPlugins(image, request.plugins(), staging);
            Path built = staging.resolve("image");
            progress.accept("copying " + image);
            ImageCopy.copy(image, built, Set.of(ClassDataArchive.ARCHIVE, RuntimeRelease.FILE));
            for (Path plugin : plugins) {
                Files.move(plugin, PluginDirectories.bundled(built).resolve(plugin.getFileName().toString()));
            }
            if (config.isPresent()) {
                Files.createDirectories(built.resolve("conf"));
                Files.write(built.resolve("conf").resolve("config"), config.get());
            }
            release.writeInto(built);
            progress.accept("training the class-data archive");
            ClassDataArchive.train(built, staging.resolve("cds-training"), searchPath);

            Path stagedTarball = staging.resolve(tarball.getFileName().toString());
            progress.accept("writing " + tarball.getFileName());
            ReproducibleTarball.write(built, name, releaseTime, stagedTarball);
            Path stagedChecksum = staging.resolve(checksum.getFileName().toString());
            Files.writeString(stagedChecksum, sha256(stagedTarball) + "  " + tarball.getFileName() + "\n",
                    StandardCharsets.UTF_8);

            putInPlace(built, output, staging.resolve("replaced"));
            Files.move(stagedTarball, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(stagedChecksum, checksum, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new Result(release, output, tarball, checksum);
        } catch (IOException e) {
            throw new CommandException("cannot create the runtime in " + output + ": " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
            if (!done) {
                createdParents.forEach(RuntimeBuild::deleteTree);
            }
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // Shutting down already: the hook does the cleaning.
                }
            }
        }
    }

    /**
     * On the way out of an interrupted build: stops the training runs first (they would go on
     * writing into the build directory), then removes the build directory and the parents made for it.
     */
    private static void abandon(Path staging, List<Path> createdParents) {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                // Best effort: the JVM is exiting.
            }
        }
        deleteTree(staging);
        createdParents.forEach(RuntimeBuild::deleteTree);
    }

    /** Name and version become file names: {@code pattern} keeps them to characters safe there. */
    private static void check(String option, String value, Pattern pattern, String allowed) {
        if (!pattern.matcher(value).matches()) {
            throw CommandException.usage("invalid value '" + value + "' for " + option + ": expected " + allowed
                    + ", starting with a letter or digit");
        }
    }

    private static void checkOutput(Path image, Path output, Path tarball, Path checksum, boolean force) {
        Path realImage = realPath(image);
        Path realOutput = realPath(output);
        if (realOutput.startsWith(realImage) || realImage.startsWith(realOutput)) {
            throw new CommandException("--output " + output + " overlaps the runtime it is made from (" + image
                    + "); choose a directory outside it");
        }
        if (Files.exists(output)) {
            if (!Files.isDirectory(output)) {
                throw new CommandException("--output " + output + " exists and is not a directory");
            }
            if (!isEmpty(output)) {
                if (!force) {
                    throw new CommandException("output directory " + output + " is not empty; use --force to replace it");
                }
                // --force replaces an earlier runtime, never a directory of something else (a typo in --output).
                if (!isRuntimeImage(output)) {
                    throw new CommandException("output directory " + output + " is not a datachain runtime;"
                            + " refusing to replace it even with --force");
                }
            }
        }
        for (Path file : List.of(tarball, checksum)) {
            if (Files.isDirectory(file)) {
                throw new CommandException(file + " is a directory; move it away first");
            }
            if (!force && Files.exists(file)) {
                throw new CommandException(file + " already exists; use --force to replace it");
            }
        }
    }

    private byte[] readConfig(Path file) {
        byte[] bytes = configReader.bytes(file)
                .orElseThrow(() -> new CommandException("no such configuration file: " + file));
        configReader.parse(file, bytes);
        return bytes;
    }

    /**
     * Each plugin through the checks of {@code plugins install}, into a scratch plugin directory of
     * its own; an id the base image or an earlier plugin provides is a clash, as it is for an install.
     *
     * @return the checked plugins, each a directory or jar named as it goes into {@code plugins/}
     */
    private List<Path> checkPlugins(Path image, List<PluginSource> sources, Path staging) throws IOException {
        Map<String, String> provided = new LinkedHashMap<>();
        new UserPluginDirectory(PluginDirectories.bundled(image)).installed()
                .forEach((id, paths) -> provided.put(id, "the base runtime (" + paths.get(0) + ")"));
        List<Path> checked = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            PluginSource source = sources.get(i);
            Path scratch = Files.createDirectories(staging.resolve("plugin-" + i));
            Path archive = source.archive(Files.createDirectories(scratch.resolve("download")));
            UserPluginDirectory.InstalledPlugin plugin = new UserPluginDirectory(scratch.resolve("checked"))
                    .install(archive, false, toolkitVersion, provided);
            provided.put(plugin.id(), "--plugin " + source.describe());
            checked.add(plugin.location());
        }
        return checked;
    }

    /** Moves {@code built} to {@code output}; an output there already is set aside into {@code aside} first. */
    private static void putInPlace(Path built, Path output, Path aside) throws IOException {
        boolean replacing = Files.exists(output);
        if (replacing) {
            Files.move(output, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(built, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (replacing) {
                Files.move(aside, output, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
    }

    /** The directories that have to be made for {@code directory} to exist, outermost first. */
    private static List<Path> createParents(Path directory) {
        List<Path> missing = new ArrayList<>();
        for (Path path = directory; path != null && !Files.exists(path); path = path.getParent()) {
            missing.add(0, path);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CommandException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        return missing.isEmpty() ? List.of() : List.of(missing.get(0));
    }

    /** {@code linux-x64}, as in the toolkit's own tarball name. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).replace(" ", "");
        String arch = System.getProperty("os.arch", "");
        return os + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The real path of {@code path}'s nearest existing ancestor, with the rest appended. */
    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }

    private static boolean isRuntimeImage(Path directory) {
        return Files.isRegularFile(directory.resolve("bin").resolve("datachain"))
                && Files.isRegularFile(directory.resolve("lib").resolve("modules"));
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new CommandException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A hidden leftover beside the output; the next run's name differs.
        }
    }
}
