package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.Environment;
import java.util.Map;
import java.util.TreeMap;

/** The {@code DATACHAIN_<SECTION>_<KEY>} variables of the invocation's environment, as settings. */
final class EnvironmentSource extends MapLayerSource {

    private final Map<String, String> variables = new TreeMap<>();

    EnvironmentSource(Environment environment, int ordinal) {
        super("environment", ordinal);
        environment.variables().forEach((name, value) -> EnvironmentSettingNames.keyOf(name).ifPresent(key -> {
            if (!value.isBlank()) {
                put(key, value);
                variables.put(key, name);
            }
        }));
    }

    @Override
    public String location(String key) {
        return variables.getOrDefault(key, EnvironmentSettingNames.variableOf(key));
    }
}
