package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.Layer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code -D} system properties (e.g. from {@code DATACHAIN_JAVA_OPTS}) as settings, the highest
 * layer. The JVM's own properties and the launcher's are not settings and are left out.
 */
final class SystemPropertiesSource extends MapLayerSource {

    private static final List<String> NOT_SETTINGS = List.of("java.", "jdk.", "sun.", "os.", "user.", "file.",
            "line.", "path.", "native.", "awt.", "jboss.", "org.jboss.", "org.slf4j.", "datachain.", "smallrye.", "mp.", "stdout.",
            "stderr.", "socksProxy", "http.", "https.", "ftp.", "javax.", "jna.", "pf4j.");

    SystemPropertiesSource(Map<String, String> properties) {
        super(Layer.SYSTEM_PROPERTIES);
        properties.forEach((name, value) -> {
            if (name.contains(".") && NOT_SETTINGS.stream().noneMatch(name::startsWith)) {
                put(name, value);
            }
        });
    }

    static SystemPropertiesSource ofThisProcess() {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return new SystemPropertiesSource(properties);
    }

    @Override
    public String location(String key) {
        return key;
    }
}
