package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;

class PluginDependenciesTest {

    private final Map<String, PluginDescriptor> plugins = new LinkedHashMap<>();

    private void plugin(String id, String version, String dependencies) {
        DefaultPluginDescriptor descriptor = new DefaultPluginDescriptor(id, "", "", version, "*", "", "");
        for (String dependency : dependencies.split(",")) {
            if (!dependency.isBlank()) {
                descriptor.addDependency(new PluginDependency(dependency.trim()));
            }
        }
        plugins.put(id, descriptor);
    }

    private Map<String, String> unresolvable(Set<String> disabled) {
        return PluginDependencies.unresolvable(plugins, disabled, new DefaultVersionManager());
    }

    @Test
    void everyKindOfUnresolvableDependencyHasItsOwnReason() {
        plugin("base", "1.0.0", "");
        plugin("lonely", "1.0.0", "zbase");
        plugin("picky", "1.0.0", "base@>=2.0.0");
        plugin("off", "1.0.0", "");
        plugin("needs-off", "1.0.0", "off");
        plugin("a", "1.0.0", "b");
        plugin("b", "1.0.0", "a");
        plugin("fine", "1.0.0", "base@>=1.0.0, missing?");

        assertThat(unresolvable(Set.of("off"))).containsExactly(
                Map.entry("a", "its dependencies form a cycle: a -> b -> a"),
                Map.entry("b", "its dependencies form a cycle: b -> a -> b"),
                Map.entry("lonely", "it needs plugin zbase, which is not installed"),
                Map.entry("picky", "it needs plugin base >=2.0.0, but base 1.0.0 is installed"),
                Map.entry("needs-off", "it needs plugin off, which is disabled"));
    }

    @Test
    void aPluginThatNeedsASkippedOneIsSkippedHoweverDeep() {
        plugin("top", "1.0.0", "middle");
        plugin("middle", "1.0.0", "bottom");
        plugin("bottom", "1.0.0", "gone");

        assertThat(unresolvable(Set.of())).containsOnly(
                Map.entry("bottom", "it needs plugin gone, which is not installed"),
                Map.entry("middle", "it needs plugin bottom, which is skipped"),
                Map.entry("top", "it needs plugin middle, which is skipped"));
    }
}
