package ai.datachain.toolkit.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.host.SystemEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each level's file, decided from the invocation's environment as the reference client does. */
class ConfigLocationsTest {

    private static final Path HOME = Path.of("/home/ada");
    private static final Path CWD = Path.of("/work/project");
    private static final Path IMAGE = Path.of("/opt/datachain");

    private static Path file(ConfigLevel level, Map<String, String> variables) {
        return new ConfigLocations(new SystemEnvironment(variables, HOME, CWD), IMAGE).file(level);
    }

    @Test
    void systemUsesItsVariableElseEtcXdg() {
        assertThat(file(ConfigLevel.SYSTEM, Map.of())).isEqualTo(Path.of("/etc/xdg/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("DATACHAIN_SYSTEM_CONFIG_DIR", "/srv/dc")))
                .isEqualTo(Path.of("/srv/dc/config"));
    }

    @Test
    void globalUsesItsVariableElseXdgConfigHomeElseDotConfig() {
        assertThat(file(ConfigLevel.GLOBAL, Map.of())).isEqualTo(Path.of("/home/ada/.config/datachain/config"));
        assertThat(file(ConfigLevel.GLOBAL, Map.of("XDG_CONFIG_HOME", "/xdg")))
                .isEqualTo(Path.of("/xdg/datachain/config"));
        assertThat(file(ConfigLevel.GLOBAL, Map.of("XDG_CONFIG_HOME", "/xdg", "DATACHAIN_GLOBAL_CONFIG_DIR", "/g")))
                .isEqualTo(Path.of("/g/config"));
    }

    @Test
    void localUsesDatachainDirElseRootDirElseTheWorkingDirectory() {
        assertThat(file(ConfigLevel.LOCAL, Map.of())).isEqualTo(Path.of("/work/project/.datachain/config"));
        assertThat(file(ConfigLevel.LOCAL, Map.of("DATACHAIN_ROOT_DIR", "/repo")))
                .isEqualTo(Path.of("/repo/.datachain/config"));
        assertThat(file(ConfigLevel.LOCAL, Map.of("DATACHAIN_ROOT_DIR", "/repo", "DATACHAIN_DIR", "/state")))
                .isEqualTo(Path.of("/state/config"));
    }

    @Test
    void defaultsLiveInTheImage() {
        assertThat(file(ConfigLevel.DEFAULTS, Map.of("DATACHAIN_GLOBAL_CONFIG_DIR", "/g")))
                .isEqualTo(Path.of("/opt/datachain/conf/config"));
    }

    @Test
    void blankVariablesCountAsUnsetAndRelativeOnesStartAtTheWorkingDirectory() {
        assertThat(file(ConfigLevel.GLOBAL, Map.of("DATACHAIN_GLOBAL_CONFIG_DIR", " ", "XDG_CONFIG_HOME", "")))
                .isEqualTo(Path.of("/home/ada/.config/datachain/config"));
        assertThat(file(ConfigLevel.LOCAL, Map.of("DATACHAIN_DIR", "state")))
                .isEqualTo(Path.of("/work/project/state/config"));
    }
}
