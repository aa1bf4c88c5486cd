package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginCompatibilityTest {

    @Test
    void aRangeThatAdmitsTheHostIsFine() {
        assertThat(PluginCompatibility.problem(">=0.1.0 & <1.0.0", "0.1.0")).isEmpty();
        assertThat(PluginCompatibility.problem("*", "0.1.0")).isEmpty();
        assertThat(PluginCompatibility.problem("", "0.1.0")).isEmpty();
        assertThat(PluginCompatibility.problem(null, "0.1.0")).isEmpty();
    }

    @Test
    void aBareVersionIsAMinimumAsInPf4j() {
        assertThat(PluginCompatibility.problem("0.1.0", "0.2.0")).isEmpty();
        assertThat(PluginCompatibility.problem("0.3.0", "0.2.0")).contains("requires datachain 0.3.0, this is 0.2.0");
    }

    @Test
    void aRangeThatExcludesTheHostSaysWhatItNeeds() {
        assertThat(PluginCompatibility.problem(">=2.0.0", "0.1.0")).contains("requires datachain >=2.0.0, this is 0.1.0");
    }

    @Test
    void anUnreadableRangeIsReported() {
        assertThat(PluginCompatibility.problem("soon", "0.1.0"))
                .contains("its requires 'soon' is not a version range such as '>=0.1.0 & <1.0.0'");
    }
}
