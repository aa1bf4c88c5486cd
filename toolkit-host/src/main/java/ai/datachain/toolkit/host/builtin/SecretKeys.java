package ai.datachain.toolkit.host.builtin;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which settings hold secrets, by name, as the plugin guide promises plugin authors: a key whose
 * last part is {@code token}, {@code password} or {@code secret}, or ends in {@code _token},
 * {@code _password} or {@code _secret} ({@code studio.token}, {@code proxy.password},
 * {@code s3.client_secret}). A name, not a registry of plugin declarations, because
 * {@code config list} must mask a plugin's secret even when that plugin is not loaded (or no longer
 * installed) and must not start every plugin to ask. A password in a URL ({@code https://alice:pw@host})
 * is masked whatever the key.
 */
final class SecretKeys {

    /** What {@code config list} prints instead of a secret value. */
    static final String MASK = "<secret: shown with --show-secrets>";

    /** The user info of a URL value ({@code https://alice:pw@host}): a password, whatever the key. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\\s]*@");

    private SecretKeys() {}

    /** The value as {@code config list} shows it when nobody asked for secrets. */
    static String masked(String key, String value) {
        return isSecret(key) ? MASK : USER_INFO.matcher(value).replaceFirst("$1***@");
    }

    static boolean isSecret(String key) {
        String name = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace('-', '_');
        for (String word : new String[] {"token", "password", "secret"}) {
            if (name.equals(word) || name.endsWith("_" + word)) {
                return true;
            }
        }
        return false;
    }
}
