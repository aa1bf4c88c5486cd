package ai.datachain.toolkit.host.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which environment variables are settings, and which key each sets:
 * {@code DATACHAIN_<SECTION>_<KEY>} sets {@code section.key} in lower case, the first underscore
 * after the section separating the two ({@code DATACHAIN_STUDIO_URL} sets {@code studio.url},
 * {@code DATACHAIN_CORE_MINIMUM_VERSION} sets {@code core.minimum_version}). Variables that
 * choose directories or tune the launcher are not settings.
 */
public final class EnvironmentSettingNames {

    private static final String PREFIX = "DATACHAIN_";
    private static final Pattern SETTING = Pattern.compile("DATACHAIN_([A-Z0-9]+)_([A-Z0-9_]*[A-Z0-9])");
    private static final Set<String> NOT_SETTINGS = Set.of(ConfigLocations.LOCAL_DIR_VARIABLE,
            ConfigLocations.ROOT_DIR_VARIABLE, "DATACHAIN_PLUGINS_DIR", "DATACHAIN_JAVA_OPTS", "DATACHAIN_CA_BUNDLE",
            "DATACHAIN_HOME");

    private EnvironmentSettingNames() {}

    /** The key a variable sets, or empty when the variable is not a setting. */
    public static Optional<String> keyOf(String variable) {
        if (!variable.startsWith(PREFIX) || NOT_SETTINGS.contains(variable) || variable.endsWith("_CONFIG_DIR")) {
            return Optional.empty();
        }
        Matcher matcher = SETTING.matcher(variable);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT) + "." + matcher.group(2).toLowerCase(Locale.ROOT));
    }

    /** The variable that sets a {@code section.key}, e.g. {@code DATACHAIN_STUDIO_URL}. */
    public static String variableOf(String key) {
        return PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
