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
        return file(level, variables, "Linux");
    }

    private static Path file(ConfigLevel level, Map<String, String> variables, String osName) {
        return new ConfigLocations(new SystemEnvironment(variables, HOME, CWD, osName), IMAGE).file(level);
    }

    @Test
    void systemUsesItsVariableElseTheFirstXdgConfigDirElseEtcXdg() {
        assertThat(file(ConfigLevel.SYSTEM, Map.of())).isEqualTo(Path.of("/etc/xdg/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("XDG_CONFIG_DIRS", "")))
                .isEqualTo(Path.of("/etc/xdg/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("XDG_CONFIG_DIRS", "/opt/xdg:/etc/xdg")))
                .isEqualTo(Path.of("/opt/xdg/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("XDG_CONFIG_DIRS", " ::/opt/second")))
                .isEqualTo(Path.of("/opt/second/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("XDG_CONFIG_DIRS", ":")))
                .isEqualTo(Path.of("/etc/xdg/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("DATACHAIN_SYSTEM_CONFIG_DIR", "/srv/dc", "XDG_CONFIG_DIRS", "/x")))
                .isEqualTo(Path.of("/srv/dc/config"));
    }

    @Test
    void macOsUsesApplicationSupportUnlessXdgVariablesAreSet() {
        assertThat(file(ConfigLevel.GLOBAL, Map.of(), "Mac OS X"))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of(), "Mac OS X"))
                .isEqualTo(Path.of("/Library/Application Support/datachain/config"));
        assertThat(file(ConfigLevel.GLOBAL, Map.of("XDG_CONFIG_HOME", "/xdg"), "Mac OS X"))
                .isEqualTo(Path.of("/xdg/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("XDG_CONFIG_DIRS", "/opt/xdg"), "Mac OS X"))
                .isEqualTo(Path.of("/opt/xdg/datachain/config"));
        assertThat(file(ConfigLevel.GLOBAL, Map.of("DATACHAIN_GLOBAL_CONFIG_DIR", "/g"), "Mac OS X"))
                .isEqualTo(Path.of("/g/config"));
    }

    @Test
    void windowsUsesTheLocalAndCommonApplicationDataFolders() {
        Map<String, String> windows = Map.of("LOCALAPPDATA", "/c/Users/ada/AppData/Local",
                "PROGRAMDATA", "/c/ProgramData", "XDG_CONFIG_HOME", "/xdg", "XDG_CONFIG_DIRS", "/opt/xdg");
        assertThat(file(ConfigLevel.GLOBAL, windows, "Windows 11"))
                .isEqualTo(Path.of("/c/Users/ada/AppData/Local/iterative/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, windows, "Windows Server 2022"))
                .isEqualTo(Path.of("/c/ProgramData/iterative/datachain/config"));
    }

    @Test
    void windowsOverridesWinAndFallsBackToTheFoldersDefaultPlaces() {
        assertThat(file(ConfigLevel.GLOBAL, Map.of("WIN_PD_OVERRIDE_LOCAL_APPDATA", "/x/local",
                "LOCALAPPDATA", "/c/local"), "Windows 10")).isEqualTo(Path.of("/x/local/iterative/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("WIN_PD_OVERRIDE_COMMON_APPDATA", "/x/common",
                "PROGRAMDATA", "/c/ProgramData"), "Windows 10"))
                .isEqualTo(Path.of("/x/common/iterative/datachain/config"));
        assertThat(file(ConfigLevel.GLOBAL, Map.of("USERPROFILE", "/c/Users/ada"), "Windows 10"))
                .isEqualTo(Path.of("/c/Users/ada/AppData/Local/iterative/datachain/config"));
        assertThat(file(ConfigLevel.GLOBAL, Map.of(), "Windows 10"))
                .isEqualTo(Path.of("/home/ada/AppData/Local/iterative/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of("ALLUSERSPROFILE", "/c/ProgramData"), "Windows 10"))
                .isEqualTo(Path.of("/c/ProgramData/iterative/datachain/config"));
        assertThat(file(ConfigLevel.SYSTEM, Map.of(), "Windows 10"))
                .isEqualTo(Path.of("C:\\ProgramData", "iterative", "datachain", "config"));
    }

    @Test
    void theOperatingSystemIsToldApartByItsJavaName() {
        assertThat(OperatingSystem.named("Linux")).isEqualTo(OperatingSystem.UNIX);
        assertThat(OperatingSystem.named("FreeBSD")).isEqualTo(OperatingSystem.UNIX);
        assertThat(OperatingSystem.named("")).isEqualTo(OperatingSystem.UNIX);
        assertThat(OperatingSystem.named("Mac OS X")).isEqualTo(OperatingSystem.MACOS);
        assertThat(OperatingSystem.named("Windows 11")).isEqualTo(OperatingSystem.WINDOWS);
    }

    @Test
    void globalUsesItsVariableElseXdgConfigHomeElseDotConfigOnLinux() {
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
