package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plugins install|remove|disable|enable} through the launcher, and how the host treats bad plugins. */
class PluginsInstallIT {

    private static final String VERSION = System.getProperty("datachain.version");

    @TempDir
    Path home;

    @TempDir
    Path files;

    private Path userPlugins() {
        return home.resolve(".local/share/datachain/plugins");
    }

    @Test
    void aPluginZipIsInstalledUnpackedAndLoadedFromTheUserDirectory() throws Exception {
        Path zip = PluginArchives.pluginZip(files.resolve("tool-1.2.0.zip"), "tool", "1.2.0", ">=0.1.0");

        CommandResult install = Launcher.in(home).run("plugins", "install", zip.toString());
        CommandResult list = Launcher.in(home).run("plugins", "list");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.stdout()).isEqualTo("Installed plugin tool 1.2.0 in " + userPlugins().resolve("tool") + "\n");
        assertThat(install.stderr()).isEmpty();
        assertThat(userPlugins().resolve("tool/plugin.properties")).exists();
        assertThat(list.stdout()).contains("tool 1.2.0 (started)\n  from: " + userPlugins().resolve("tool") + "\n");
        assertThat(list.stderr()).isEmpty();
    }

    @Test
    void aJarWhoseDescriptorIsItsPluginPropertiesIsInstalledAndLoaded() throws Exception {
        Path jar = PluginArchives.write(files.resolve("plain-2.0.0.jar"), Map.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n",
                "plugin.properties", PluginArchives.descriptor("plain", "2.0.0", ">=0.1.0")));

        CommandResult install = Launcher.in(home).run("plugins", "install", jar.toString());
        CommandResult list = Launcher.in(home).run("plugins", "list");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.stdout()).isEqualTo("Installed plugin plain 2.0.0 in " + userPlugins().resolve("plain.jar")
                + "\n");
        assertThat(list.stdout()).contains("plain 2.0.0 (started)\n  from: " + userPlugins().resolve("plain.jar") + "\n");
        assertThat(list.stderr()).isEmpty();
    }

    @Test
    void aRelativePathIsReadFromTheWorkingDirectory() throws Exception {
        PluginArchives.pluginZip(files.resolve("rel.zip"), "rel", "1.0.0", "*");

        CommandResult install = Launcher.in(home).workingDirectory(files).run("plugins", "install", "rel.zip");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(userPlugins().resolve("rel")).isDirectory();
    }

    @Test
    void aZipWithAnEntryClimbingOutIsRefusedAndNothingIsWritten() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", PluginArchives.descriptor("slip", "1.0.0", "*"));
        entries.put("../../escaped.txt", "outside");
        Path zip = PluginArchives.write(files.resolve("slip.zip"), entries);

        CommandResult result = Launcher.in(home).run("plugins", "install", zip.toString());

        assertRefused(result, "Error: " + zip + " has an entry that would land outside the plugin directory:"
                + " '../../escaped.txt'; refusing to install it\n");
        assertThat(home.resolve(".local/share/escaped.txt")).doesNotExist();
        assertThat(home.resolve(".local/escaped.txt")).doesNotExist();
    }

    @Test
    void aJarWithoutDescriptorIsRefused() throws Exception {
        Path jar = PluginArchives.write(files.resolve("library.jar"), Map.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n", "com/example/Library.class", "cafebabe"));

        CommandResult result = Launcher.in(home).run("plugins", "install", jar.toString());

        assertRefused(result, "Error: " + jar + " has no plugin descriptor: expected plugin.properties or a"
                + " META-INF/MANIFEST.MF with Plugin-Id at its top level\n");
    }

    @Test
    void aPluginThatRequiresAnotherDatachainIsRefused() throws Exception {
        Path zip = PluginArchives.pluginZip(files.resolve("future.zip"), "future", "3.0.0", ">=2.0.0");

        CommandResult result = Launcher.in(home).run("plugins", "install", zip.toString());

        assertRefused(result, "Error: plugin future 3.0.0 requires datachain >=2.0.0, this is " + VERSION + "\n");
    }

    @Test
    void aFileThatIsNoArchiveIsRefused() throws Exception {
        Path fake = Files.writeString(files.resolve("fake.zip"), "this is text");
        Path other = Files.writeString(files.resolve("plugin.txt"), "this is text");

        CommandResult notZip = Launcher.in(home).run("plugins", "install", fake.toString());
        CommandResult notArchive = Launcher.in(home).run("plugins", "install", other.toString());
        CommandResult missing = Launcher.in(home).run("plugins", "install", files.resolve("none.zip").toString());

        assertThat(notZip.stderr()).startsWith("Error: " + fake + " is not a readable zip archive (");
        assertRefused(notArchive, "Error: " + other + " is not a plugin archive: expected a .zip or .jar file\n");
        assertRefused(missing, "Error: no such file: " + files.resolve("none.zip") + "\n");
        assertThat(userPlugins()).doesNotExist();
    }

    @Test
    void anInstalledIdIsRefusedUntilForced() throws Exception {
        Launcher.in(home).run("plugins", "install",
                PluginArchives.pluginZip(files.resolve("a.zip"), "tool", "1.0.0", "*").toString());
        Path newer = PluginArchives.pluginZip(files.resolve("b.zip"), "tool", "1.1.0", "*");

        CommandResult refused = Launcher.in(home).run("plugins", "install", newer.toString());
        CommandResult forced = Launcher.in(home).run("plugins", "install", "--force", newer.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("Error: plugin tool is already installed (" + userPlugins().resolve("tool")
                + "); use --force to replace it\n");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.stdout()).isEqualTo("Replaced plugin tool 1.1.0 in " + userPlugins().resolve("tool") + "\n");
        assertThat(Files.readString(userPlugins().resolve("tool/plugin.properties"))).contains("plugin.version=1.1.0");
    }

    @Test
    void aBundledPluginCanBeNeitherReplacedNorRemoved() throws Exception {
        Path zip = PluginArchives.pluginZip(files.resolve("auth.zip"), "auth-login", "9.0.0", "*");

        CommandResult install = Launcher.in(home).run("plugins", "install", "--force", zip.toString());
        CommandResult remove = Launcher.in(home).run("plugins", "remove", "auth-login");

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.stderr()).startsWith("Error: plugin auth-login is already provided by the datachain image (")
                .endsWith("); an installed copy would never load\n");
        assertThat(remove.exitCode()).isEqualTo(1);
        assertThat(remove.stderr()).isEqualTo("Error: plugin auth-login is part of the datachain image and cannot be"
                + " removed; 'datachain plugins disable auth-login' switches it off\n");
    }

    @Test
    void removeTakesAnInstalledPluginAway() throws Exception {
        Launcher.in(home).run("plugins", "install",
                PluginArchives.pluginZip(files.resolve("a.zip"), "tool", "1.0.0", "*").toString());

        CommandResult remove = Launcher.in(home).run("plugins", "remove", "tool");
        CommandResult again = Launcher.in(home).run("plugins", "remove", "tool");

        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(remove.stdout()).isEqualTo("Removed plugin tool\n");
        assertThat(userPlugins().resolve("tool")).doesNotExist();
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.stderr()).isEqualTo("Error: no plugin tool is installed ('datachain plugins list' shows them)\n");
    }

    @Test
    void aDisabledBundledPluginLosesItsCommandsUntilEnabled() {
        CommandResult disable = Launcher.in(home).run("plugins", "disable", "auth-login");
        CommandResult login = Launcher.in(home).run("auth", "login", "--help");
        CommandResult list = Launcher.in(home).run("plugins", "list");
        CommandResult enable = Launcher.in(home).run("plugins", "enable", "auth-login");
        CommandResult loginAgain = Launcher.in(home).run("auth", "login", "--help");

        assertThat(disable.stdout()).isEqualTo("Disabled plugin auth-login\n");
        assertThat(login.exitCode()).isEqualTo(2);
        assertThat(login.stderr()).startsWith("Error: unknown command 'auth' for 'datachain'");
        assertThat(list.stdout()).containsPattern("(?m)^auth-login \\S+ \\(disabled\\)$");
        assertThat(enable.stdout()).isEqualTo("Enabled plugin auth-login\n");
        assertThat(loginAgain.exitCode()).as(loginAgain.toString()).isZero();
    }

    @Test
    void switchingAnUnknownPluginIsAnErrorWithASuggestion() {
        CommandResult result = Launcher.in(home).run("plugins", "disable", "auth-logn");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("Error: no plugin auth-logn is installed. Did you mean 'auth-login'?\n");
        assertThat(userPlugins()).doesNotExist();
    }

    @Test
    void aCorruptJarInAPluginsDirectoryIsWarnedOnceAndEverythingElseWorks() throws Exception {
        Path extra = Files.createDirectories(files.resolve("extra"));
        Files.writeString(extra.resolve("broken.jar"), "not a jar");

        CommandResult result = Launcher.in(home).env("DATACHAIN_PLUGINS_DIR", extra.toString())
                .run("auth", "login", "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr().lines().toList()).singleElement().asString()
                .startsWith("warning: plugin " + extra.resolve("broken.jar") + " skipped: ");
    }

    @Test
    void aPluginForAnotherDatachainIsSkippedWithAWarningThatSaysWhatItNeeds() throws Exception {
        Path extra = Files.createDirectories(files.resolve("extra/future"));
        Files.writeString(extra.resolve("plugin.properties"), PluginArchives.descriptor("future", "3.0.0", ">=2.0.0"));

        CommandResult result = Launcher.in(home).env("DATACHAIN_PLUGINS_DIR", files.resolve("extra").toString())
                .run("plugins", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEqualTo("warning: plugin future skipped: requires datachain >=2.0.0, this is "
                + VERSION + "\n");
        assertThat(result.stdout()).contains("future 3.0.0 (skipped: requires datachain >=2.0.0, this is " + VERSION + ")");
    }

    private void assertRefused(CommandResult result, String stderr) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo(stderr);
        assertThat(userPlugins()).doesNotExist();
    }
}
