package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under the C/POSIX locale, or none at all (Docker, cron, CI), non-ASCII arguments, values, paths and
 * output stay what they are, as Python's PEP 538 keeps them: the launcher switches to UTF-8.
 */
class LocaleIT {

    private static final String TEAM = "équipe-数据-✓";

    @TempDir
    Path home;

    /** {@code LC_ALL=C}, {@code LANG=C}, {@code LANG=POSIX}, or no locale variable at all. */
    private DatachainRunner runner(String locale) {
        DatachainRunner runner = Launcher.in(home).workingDirectory(home).unsetEnv("LANG")
                .env("DATACHAIN_SYSTEM_CONFIG_DIR", home.resolve("system").toString())
                .env("DATACHAIN_GLOBAL_CONFIG_DIR", home.resolve("données").toString());
        if (!locale.equals("none")) {
            String[] variable = locale.split("=", 2);
            runner.env(variable[0], variable[1]);
        }
        return runner;
    }

    @ParameterizedTest
    @ValueSource(strings = {"LC_ALL=C", "LANG=C", "LANG=POSIX", "none"})
    void nonAsciiArgumentsValuesPathsAndOutputSurviveTheCLocale(String locale) throws Exception {
        Path file = home.resolve("données/config");

        CommandResult fromArgument = runner(locale).run("config", "set", "studio.team", TEAM);
        CommandResult fromStdin = runner(locale).stdin("Zoë ✓\n").run("config", "set", "studio.name", "-");
        CommandResult get = runner(locale).run("config", "get", "studio.team");
        CommandResult list = runner(locale).run("config", "list", "--show-origin");

        assertThat(fromArgument.exitCode()).as(fromArgument.toString()).isZero();
        assertThat(fromStdin.exitCode()).as(fromStdin.toString()).isZero();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("[studio]\nteam = \"" + TEAM + "\"\nname = \"Zoë ✓\"\n");
        assertThat(get.stdout()).isEqualTo(TEAM + "\n");
        assertThat(list.stdout()).contains("global\tfile:" + file + "\tstudio.team=" + TEAM + "\n");
    }

    @Test
    void anotherLocaleIsTheUsersChoiceAndLeftAlone() {
        CommandResult result = runner("LC_ALL=C.UTF-8").run("config", "set", "studio.team", TEAM);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(runner("LC_ALL=C.UTF-8").run("config", "get", "studio.team").stdout()).isEqualTo(TEAM + "\n");
    }
}
