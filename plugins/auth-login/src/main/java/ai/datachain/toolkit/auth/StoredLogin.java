package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import java.util.Optional;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;

/**
 * The {@code [studio]} token and URL as the configuration files hold them, merged lowest level
 * first like the reference client merges them. Environment variables play no part: they are
 * not something a login could replace.
 *
 * @param url the stored Studio URL, if any
 * @param token the stored token, if any
 */
record StoredLogin(Optional<String> url, Optional<String> token) {

    static StoredLogin read(Settings settings) {
        Optional<String> url = Optional.empty();
        Optional<String> token = Optional.empty();
        for (ConfigLevel level : ConfigLevel.values()) {
            ImmutableHierarchicalConfiguration file = settings.read(level);
            Optional<String> levelUrl = nonBlank(file, StudioKeys.URL);
            Optional<String> levelToken = nonBlank(file, StudioKeys.TOKEN);
            url = levelUrl.isPresent() ? levelUrl : url;
            token = levelToken.isPresent() ? levelToken : token;
        }
        return new StoredLogin(url, token);
    }

    /** One level's value of a key, if set and not blank. */
    static Optional<String> nonBlank(ImmutableHierarchicalConfiguration file, String key) {
        return Optional.ofNullable(file.getString(key, null)).filter(value -> !value.isBlank());
    }

    @Override
    public String toString() {
        return "StoredLogin[url=" + url.orElse("") + ", token=" + (token.isPresent() ? "(set)" : "(none)") + "]";
    }
}
