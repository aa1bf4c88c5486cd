package ai.datachain.toolkit.dist;

import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.FakeStudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A user's machine for the auth tests: a temporary home with a project directory, config files in
 * their default places (system config moved into the sandbox), and a Studio stand-in that answers
 * quickly. {@code DATACHAIN_STUDIO_URL} points at the stand-in, so the documented examples run as
 * typed.
 */
final class AuthSandbox implements AutoCloseable {

    static final String TOKEN = "isat_0123456789abcdefghijABCDEFGHIJ";
    static final String POST_LOGIN = "Once you've logged in, return here and you'll be ready to start using"
            + " DataChain with Studio.";
    /** What the reference prints on stderr when it cannot start a browser, verbatim. */
    static final String BROWSER_FAILED = "Failed to open a web browser. Open the above url to continue in your web"
            + " browser.";

    final Path home;
    final Path project;
    final FakeStudio studio;
    final DatachainRunner runner;

    AuthSandbox(Path home) {
        this(home, FakeStudio.start());
    }

    AuthSandbox(Path home, FakeStudio studio) {
        this.home = home;
        this.project = home.resolve("project");
        this.studio = studio.interval(0.05).nextAccessToken(TOKEN);
        try {
            Files.createDirectories(project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.runner = Launcher.in(home).workingDirectory(project)
                .env("DATACHAIN_SYSTEM_CONFIG_DIR", home.resolve("system").toString())
                .env("DATACHAIN_STUDIO_URL", studio.url());
    }

    /** The line a device login starts with here, where DATACHAIN_STUDIO_URL names the Studio. */
    String loginTarget() {
        return "Logging in to " + studio.url() + " (from the environment variable DATACHAIN_STUDIO_URL)\n";
    }

    Path globalConfig() {
        return home.resolve(".config/datachain/config");
    }

    Path localConfig() {
        return project.resolve(".datachain/config");
    }

    /** A browser that writes its arguments, one per line, to {@link #browserLog()}. */
    Path recordingBrowser() {
        Path script = home.resolve("record-browser");
        write(script, "#!/bin/sh\nfor arg in \"$@\"; do printf '%s\\n' \"$arg\" >> '" + browserLog() + "'; done\n");
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    Path browserLog() {
        return home.resolve("browser.log");
    }

    /** The URL the user is sent to for the latest login. */
    String verificationUrl() {
        return studio.url() + "/auth/device-login?code=" + studio.lastUserCode().orElseThrow();
    }

    /** What {@code --no-open} adds on stderr for the latest login: the user code on its own line. */
    String userCodeLine() {
        return "User code: " + studio.lastUserCode().orElseThrow() + "\n";
    }

    /**
     * Our record's lines after the reference keys, as the TOML writer formats them.
     *
     * @param teams empty when the token is not restricted
     */
    static String recordLines(String tokenName, List<String> scopes, List<String> teams, int days) {
        String lines = "token_name = \"" + tokenName + "\"\n"
                + "token_scopes = " + array(scopes) + "\n";
        if (!teams.isEmpty()) {
            lines += "token_teams = " + array(teams) + "\n";
        }
        return lines + "token_expires = \"" + LocalDate.now().plusDays(days) + "\"\n"
                + "token_fingerprint = \"" + fingerprint(TOKEN) + "\"\n";
    }

    static final List<String> ALL_SCOPES = List.of("EXPERIMENTS", "DATASETS", "MODELS");

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    static String fingerprint(String token) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture from {@code shared/fixtures/toml}, with its Studio URLs swapped for the stand-in's. */
    String fixture(String name, String... urlsToReplace) {
        String text = read(Path.of(System.getProperty("datachain.fixtures"), "toml", name));
        for (String url : urlsToReplace) {
            text = text.replace(url, studio.url());
        }
        return text;
    }

    /** The warning {@code auth status} gives when others can read {@code file}, which holds the token. */
    static String readableTokenWarning(Path file) {
        return "warning: " + file + " holds your Studio token and other users can read it; restrict it with 'chmod"
                + " 600 " + file + "'\n";
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        studio.close();
    }
}
