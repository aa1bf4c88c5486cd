package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.api.config.Layer;
import java.util.Map;
import java.util.TreeMap;

/** The {@code DATACHAIN_<SECTION>_<KEY>} variables of the invocation's environment, as settings. */
final class EnvironmentSource extends MapLayerSource {

    private final Map<String, String> variables = new TreeMap<>();

    EnvironmentSource(Environment environment) {
        super(Layer.ENVIRONMENT);
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
