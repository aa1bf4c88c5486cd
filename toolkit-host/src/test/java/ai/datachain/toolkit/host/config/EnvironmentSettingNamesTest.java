package ai.datachain.toolkit.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which variables are settings, and the key each sets. */
class EnvironmentSettingNamesTest {

    @Test
    void studioVariablesMapToTheStudioTable() {
        assertThat(EnvironmentSettingNames.keyOf("DATACHAIN_STUDIO_URL")).hasValue("studio.url");
        assertThat(EnvironmentSettingNames.keyOf("DATACHAIN_STUDIO_TOKEN")).hasValue("studio.token");
        assertThat(EnvironmentSettingNames.keyOf("DATACHAIN_STUDIO_TEAM")).hasValue("studio.team");
    }

    @Test
    void theFirstUnderscoreAfterTheSectionSeparatesItFromTheKey() {
        assertThat(EnvironmentSettingNames.keyOf("DATACHAIN_CORE_MINIMUM_VERSION")).hasValue("core.minimum_version");
        assertThat(EnvironmentSettingNames.keyOf("DATACHAIN_REMOTE2_NAME")).hasValue("remote2.name");
    }

    @Test
    void directoriesAndLauncherVariablesAreNotSettings() {
        for (String name : new String[] {"DATACHAIN_DIR", "DATACHAIN_ROOT_DIR", "DATACHAIN_SYSTEM_CONFIG_DIR",
                "DATACHAIN_GLOBAL_CONFIG_DIR", "DATACHAIN_PLUGINS_DIR", "DATACHAIN_JAVA_OPTS", "DATACHAIN_CA_BUNDLE"}) {
            assertThat(EnvironmentSettingNames.keyOf(name)).as(name).isEmpty();
        }
    }

    @Test
    void otherVariablesAndMalformedNamesAreNotSettings() {
        assertThat(EnvironmentSettingNames.keyOf("HOME")).isEmpty();
        assertThat(EnvironmentSettingNames.keyOf("STUDIO_URL")).isEmpty();
        assertThat(EnvironmentSettingNames.keyOf("DATACHAIN_STUDIO")).isEmpty();
        assertThat(EnvironmentSettingNames.keyOf("DATACHAIN_STUDIO_")).isEmpty();
        assertThat(EnvironmentSettingNames.keyOf("datachain_studio_url")).isEmpty();
    }

    @Test
    void aKeyHasOneVariable() {
        assertThat(EnvironmentSettingNames.variableOf("studio.url")).isEqualTo("DATACHAIN_STUDIO_URL");
    }
}
