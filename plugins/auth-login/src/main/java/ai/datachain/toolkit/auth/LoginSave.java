package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes a successful login to one level's file, as the reference client does (url, token, and
 * team only for exactly one team), then our own record after those keys.
 */
final class LoginSave {

    private LoginSave() {}

    /**
     * @param teams the teams the token is restricted to; exactly one also becomes the default team
     * @param record what we know about the token, if anything
     * @return the file written
     */
    static Path save(Settings settings, ConfigLevel level, StudioAddress studio, String token, List<String> teams,
            Optional<TokenRecord> record) {
        return settings.edit(level, document -> {
            // Cleared first so that keys this login adds land before our record, not after it.
            TokenRecord.clear(document);
            document.setProperty(StudioKeys.URL, studio.url());
            document.setProperty(StudioKeys.TOKEN, token);
            if (teams.size() == 1) {
                document.setProperty(StudioKeys.TEAM, teams.get(0));
            } else {
                document.clearProperty(StudioKeys.TEAM);
            }
            record.ifPresent(r -> r.writeTo(document, token));
        });
    }
}
