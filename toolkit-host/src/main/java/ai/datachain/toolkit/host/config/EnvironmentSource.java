package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.Environment;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The {@code DATACHAIN_<SECTION>_<KEY>} variables of the invocation's environment, as settings. */
final class EnvironmentSource implements LayerSource {

    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, String> variables = new TreeMap<>();
    private final int ordinal;

    EnvironmentSource(Environment environment, int ordinal) {
        this.ordinal = ordinal;
        environment.variables().forEach((name, value) -> EnvironmentSettingNames.keyOf(name).ifPresent(key -> {
            if (!value.isBlank()) {
                values.put(key, value);
                variables.put(key, name);
            }
        }));
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "environment";
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }

    @Override
    public String layer() {
        return "environment";
    }

    @Override
    public String location(String key) {
        return variables.getOrDefault(key, EnvironmentSettingNames.variableOf(key));
    }
}
