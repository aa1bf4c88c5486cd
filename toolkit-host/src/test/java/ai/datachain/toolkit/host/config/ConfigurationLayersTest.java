package ai.datachain.toolkit.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import ai.datachain.toolkit.api.config.Layer;
import ai.datachain.toolkit.api.config.SettingValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence of the layers, their origins, and what reading and editing one file does. */
class ConfigurationLayersTest {

    @TempDir
    Path root;

    private TestLayers layers;

    @BeforeEach
    void setUp() {
        layers = new TestLayers(root);
        TestLayers.write(layers.image.resolve("conf"), "[k]\nd = \"defaults\"\ns = \"defaults\"\ng = \"defaults\"\n"
                + "l = \"defaults\"\ne = \"defaults\"\np = \"defaults\"\n");
        TestLayers.write(layers.system, "[k]\ns = \"system\"\ng = \"system\"\nl = \"system\"\ne = \"system\"\n"
                + "p = \"system\"\n");
        TestLayers.write(layers.global, "[k]\ng = \"global\"\nl = \"global\"\ne = \"global\"\np = \"global\"\n");
        TestLayers.write(layers.local, "[k]\nl = \"local\"\ne = \"local\"\np = \"local\"\n");
        layers.variables.put("DATACHAIN_K_E", "environment");
        layers.variables.put("DATACHAIN_K_P", "environment");
        layers.properties.put("k.p", "property");
    }

    @Test
    void eachLayerWinsOverTheOnesBelowIt() {
        Config view = layers.load().view();

        assertThat(view.getValue("k.d", String.class)).isEqualTo("defaults");
        assertThat(view.getValue("k.s", String.class)).isEqualTo("system");
        assertThat(view.getValue("k.g", String.class)).isEqualTo("global");
        assertThat(view.getValue("k.l", String.class)).isEqualTo("local");
        assertThat(view.getValue("k.e", String.class)).isEqualTo("environment");
        assertThat(view.getValue("k.p", String.class)).isEqualTo("property");
    }

    @Test
    void theValueNamesItsLayerAndTheFileVariableOrProperty() {
        Settings settings = layers.load().settings();

        assertThat(settings.value("k.l")).contains(new SettingValue("k.l", "local", Layer.LOCAL,
                layers.local.resolve("config").toString()));
        assertThat(settings.value("k.d")).contains(new SettingValue("k.d", "defaults", Layer.DEFAULTS,
                layers.image.resolve("conf/config").toString()));
        assertThat(settings.value("k.e")).contains(new SettingValue("k.e", "environment", Layer.ENVIRONMENT,
                "DATACHAIN_K_E"));
        assertThat(settings.value("k.p")).contains(new SettingValue("k.p", "property", Layer.SYSTEM_PROPERTIES,
                "k.p"));
        assertThat(settings.value("k.missing")).isEmpty();
    }

    @Test
    void theFilesOnlyQueryLeavesOutTheEnvironmentAndSystemProperties() {
        Settings settings = layers.load().settings();

        assertThat(settings.fileValue("k.p")).contains(new SettingValue("k.p", "local", Layer.LOCAL,
                layers.local.resolve("config").toString()));
        assertThat(settings.fileValue("k.e")).map(SettingValue::value).contains("local");
        assertThat(settings.fileValue("k.s")).map(SettingValue::layer).contains(Layer.SYSTEM);
    }

    @Test
    void theLevelQueryReadsThatFileAlone() {
        Settings settings = layers.load().settings();

        assertThat(settings.levelValue(ConfigLevel.GLOBAL, "k.p")).contains(new SettingValue("k.p", "global",
                Layer.GLOBAL, layers.global.resolve("config").toString()));
        assertThat(settings.levelValue(ConfigLevel.GLOBAL, "k.s")).isEmpty();
        assertThat(settings.levelValue(ConfigLevel.DEFAULTS, "k.d")).map(SettingValue::value).contains("defaults");
    }

    @Test
    void anyCombinationOfLayersKeepsTheirOrder() {
        Settings settings = layers.load().settings();

        assertThat(settings.value("k.p", Set.of(Layer.ENVIRONMENT, Layer.GLOBAL))).map(SettingValue::value)
                .contains("environment");
        assertThat(settings.value("k.l", Set.of(Layer.SYSTEM_PROPERTIES, Layer.ENVIRONMENT, Layer.GLOBAL)))
                .map(SettingValue::value).contains("global");
        assertThat(settings.value("k.l", Set.of())).isEmpty();
    }

    @Test
    void anEmptyValueDecidesThatThereIsNoValueInEveryQuery() {
        TestLayers.write(layers.local, "[k]\ng = \"\"\n");
        layers.variables.put("DATACHAIN_K_S", "");
        Settings settings = layers.load().settings();

        assertThat(settings.value("k.g")).isEmpty();
        assertThat(settings.fileValue("k.g")).isEmpty();
        assertThat(settings.levelValue(ConfigLevel.LOCAL, "k.g")).isEmpty();
        assertThat(settings.levelValue(ConfigLevel.GLOBAL, "k.g")).map(SettingValue::value).contains("global");
        // A blank variable is no variable: the files show through.
        assertThat(settings.value("k.s")).map(SettingValue::value).contains("system");
    }

    @Test
    void aFileOutsideTheQueryIsNotRead() {
        TestLayers.write(layers.system, "[k\n");
        Settings settings = layers.load().settings();

        assertThat(settings.levelValue(ConfigLevel.GLOBAL, "k.g")).map(SettingValue::value).contains("global");
        assertThatThrownBy(() -> settings.fileValue("k.g")).isInstanceOf(CommandException.class)
                .hasMessageContaining(layers.system.resolve("config").toString());
    }

    @Test
    void theValueHidesItselfWhenPrinted() {
        SettingValue value = layers.load().settings().value("k.l").orElseThrow();

        assertThat(value.toString()).isEqualTo("SettingValue[key=k.l, layer=LOCAL, location="
                + layers.local.resolve("config") + "]");
    }

    @Test
    void readingALevelShowsThatFileOnly() {
        ConfigurationLayers configuration = layers.load();

        assertThat(DocumentProperties.of(configuration.settings().read(ConfigLevel.GLOBAL)))
                .containsExactly(java.util.Map.entry("k.g", "global"), java.util.Map.entry("k.l", "global"),
                        java.util.Map.entry("k.e", "global"), java.util.Map.entry("k.p", "global"));
        assertThat(configuration.settings().read(ConfigLevel.LOCAL).getString("k.s")).isNull();
    }

    @Test
    void anEditChangesOneFileAndTheViewFollows() {
        ConfigurationLayers configuration = layers.load();
        assertThat(configuration.view().getValue("k.g", String.class)).isEqualTo("global");

        Path written = configuration.settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("k.g", "edited"));

        assertThat(written).isEqualTo(layers.global.resolve("config"));
        assertThat(configuration.view().getValue("k.g", String.class)).isEqualTo("edited");
        assertThat(TestLayers.read(layers.global)).isEqualTo("[k]\ng = \"edited\"\nl = \"global\"\ne = \"global\"\n"
                + "p = \"global\"\n");
        assertThat(TestLayers.read(layers.system)).contains("g = \"system\"");
    }

    @Test
    void aNewFileAndItsDirectoriesAreOwnerOnly() throws Exception {
        Path fresh = root.resolve("fresh/nested");
        layers.variables.put("DATACHAIN_GLOBAL_CONFIG_DIR", fresh.toString());

        layers.load().settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("studio.team", "t"));

        assertThat(TestLayers.read(fresh)).isEqualTo("[studio]\nteam = \"t\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("config"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.getParent())))
                .isEqualTo("rwx------");
        try (var files = Files.list(fresh)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config", "config.lock");
        }
    }

    @Test
    void anEditThatChangesNothingDoesNotWrite() throws Exception {
        ConfigurationLayers configuration = layers.load();
        Path file = layers.global.resolve("config");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));

        configuration.settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("k.g", "global"));

        assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
    }

    @Test
    void aFileThatDoesNotParseIsReportedWithItsLineAndNeverWritten() throws Exception {
        TestLayers.write(layers.global, "[k]\ng = \"global\"\nbroken = \n");
        ConfigurationLayers configuration = layers.load();
        String message = "cannot read " + layers.global.resolve("config") + ": missing value at line 3";

        assertThatThrownBy(() -> configuration.view().getValue("k.g", String.class))
                .isInstanceOf(CommandException.class).hasMessage(message);
        assertThatThrownBy(() -> configuration.settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("a.b", "c")))
                .isInstanceOf(CommandException.class).hasMessage(message);
        assertThat(TestLayers.read(layers.global)).isEqualTo("[k]\ng = \"global\"\nbroken = \n");
    }

    @Test
    void aBrokenFileOfAnotherLevelDoesNotStopAnEdit() {
        TestLayers.write(layers.system, "[k\n");
        ConfigurationLayers configuration = layers.load();

        configuration.settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("k.g", "edited"));

        assertThat(TestLayers.read(layers.global)).contains("g = \"edited\"");
    }

    @Test
    void theImageDefaultsAreReadOnly() {
        ConfigurationLayers configuration = layers.load();

        assertThatThrownBy(() -> configuration.settings().edit(ConfigLevel.DEFAULTS, doc -> doc.setProperty("a.b", "c")))
                .isInstanceOf(CommandException.class).hasMessageContaining("image defaults are read-only");
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsAClearErrorForReadsAndWrites() throws Exception {
        Path directory = root.resolve("odd");
        Files.createDirectories(directory.resolve("config"));
        layers.variables.put("DATACHAIN_GLOBAL_CONFIG_DIR", directory.toString());
        ConfigurationLayers configuration = layers.load();

        assertThatThrownBy(() -> configuration.settings().read(ConfigLevel.GLOBAL))
                .hasMessage("cannot read " + directory.resolve("config") + ": it is a directory, not a file");
        assertThatThrownBy(() -> configuration.settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("a.b", "c")))
                .hasMessage("cannot write " + directory.resolve("config") + ": it is a directory, not a file");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAClearError() throws Exception {
        Path file = root.resolve("plain");
        Files.writeString(file, "x");
        layers.variables.put("DATACHAIN_GLOBAL_CONFIG_DIR", file.toString());

        assertThatThrownBy(() -> layers.load().settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("a.b", "c")))
                .hasMessage("cannot write " + file.resolve("config") + ": " + file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void anUnreadableFileOrUnwritableDirectoryIsAClearErrorAndNothingIsLost() throws Exception {
        Path file = layers.global.resolve("config");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "permissions are not enforced for this user (root)");
        try {
            assertThatThrownBy(() -> layers.load().settings().read(ConfigLevel.GLOBAL))
                    .hasMessage("cannot read " + file + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.setPosixFilePermissions(layers.global, PosixFilePermissions.fromString("r-x------"));
        try {
            assertThatThrownBy(() -> layers.load().settings().edit(ConfigLevel.GLOBAL,
                    doc -> doc.setProperty("k.g", "x"))).hasMessageStartingWith("cannot write " + file
                            + ": permission denied");
            assertThat(TestLayers.read(layers.global)).contains("g = \"global\"");
        } finally {
            Files.setPosixFilePermissions(layers.global, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void withoutAFormatPluginFilesCannotBeReadButTheEnvironmentStillCounts() {
        ConfigurationLayers configuration = layers.loadWithoutFormats();

        assertThatThrownBy(() -> configuration.view().getValue("k.g", String.class))
                .hasMessageContaining("no configuration format is installed");
    }

    @Test
    void withoutAFormatPluginMissingFilesReadAsEmpty() throws IOException {
        for (Path directory : List.of(layers.image.resolve("conf"), layers.system, layers.global, layers.local)) {
            Files.delete(directory.resolve("config"));
        }
        ConfigurationLayers configuration = layers.loadWithoutFormats();

        assertThat(configuration.view().getOptionalValue("k.g", String.class)).isEmpty();
        assertThat(configuration.settings().read(ConfigLevel.GLOBAL).isEmpty()).isTrue();
    }

    @Test
    void valuesAreNotInterpolated() {
        TestLayers.write(layers.global, "[k]\ng = \"${HOME} and ${env:PATH}\"\n");

        assertThat(layers.load().view().getValue("k.g", String.class)).isEqualTo("${HOME} and ${env:PATH}");
    }

    @Test
    void arraysAreCommaSeparatedValues() {
        TestLayers.write(layers.global, "[k]\ng = [\"a\", \"b,c\"]\nn = 3\n");
        Config view = layers.load().view();

        assertThat(view.getValues("k.g", String.class)).isEqualTo(List.of("a", "b,c"));
        assertThat(view.getValue("k.n", Integer.class)).isEqualTo(3);
    }

    @Test
    void anEmptyValueIsNoValueForTextAndConvertedLookupsAlike() {
        TestLayers.write(layers.global, "[k]\ng = \"\"\nn = \"\"\n");
        Config view = layers.load().view();

        assertThat(view.getOptionalValue("k.g", String.class)).isEmpty();
        assertThat(view.getOptionalValue("k.n", Integer.class)).isEmpty();
        assertThatThrownBy(() -> view.getValue("k.g", String.class)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("k.g");
        assertThatThrownBy(() -> view.getValue("k.missing", String.class))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("k.missing");
    }

    @Test
    void aBrokenFileIsReportedEvenWhenAHigherLayerHoldsTheKey() {
        TestLayers.write(layers.system, "[k\n");
        ConfigurationLayers configuration = layers.load();

        assertThatThrownBy(() -> configuration.view().getOptionalValue("k.p", String.class))
                .isInstanceOf(CommandException.class).hasMessageContaining(layers.system.resolve("config").toString());
        assertThatThrownBy(() -> configuration.settings().value("k.p")).isInstanceOf(CommandException.class)
                .hasMessageContaining(layers.system.resolve("config").toString());
    }

    @Test
    void theViewAndTheQueriesAgreeAfterAnEdit() {
        ConfigurationLayers configuration = layers.load();
        assertThat(configuration.view().getConfigValue("k.g").getValue()).isEqualTo("global");

        configuration.settings().edit(ConfigLevel.GLOBAL, document -> document.setProperty("k.g", "7"));

        Config view = configuration.view();
        assertThat(view.getValue("k.g", String.class)).isEqualTo("7");
        assertThat(view.getValue("k.g", Integer.class)).isEqualTo(7);
        assertThat(configuration.settings().value("k.g")).map(SettingValue::value).contains("7");
    }

    @Test
    void theViewAndTheQueryAgreeOnEveryKeyOfEveryLayer() {
        TestLayers.write(layers.global, "[k]\ng = \"global\"\nl = \"global\"\ne = \"\"\np = \"global\"\n");
        ConfigurationLayers configuration = layers.load();
        Config view = configuration.view();

        for (String key : List.of("k.d", "k.s", "k.g", "k.l", "k.e", "k.p", "k.missing")) {
            assertThat(view.getOptionalValue(key, String.class)).as(key)
                    .isEqualTo(configuration.settings().value(key).map(SettingValue::value));
        }
    }
}
