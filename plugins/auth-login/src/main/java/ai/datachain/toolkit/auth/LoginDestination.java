package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Layer;
import ai.datachain.toolkit.api.config.SettingValue;
import ai.datachain.toolkit.api.config.Settings;
import java.util.Optional;

/**
 * Tells the user, before anything is sent, where a login goes when they did not choose it with
 * {@code -H}: the Studio and the file or variable that named it. A cloned project's
 * {@code .datachain/config} can name any Studio, and without this line only the server's own
 * {@code verification_uri} (which can show the real Studio's address) would be printed. It also
 * says when the login replaces a token that belongs to another Studio, which keeps that token valid.
 * Where a value comes from is the settings' answer ({@link SettingValue#layer()}), asked only here.
 */
final class LoginDestination {

    /** The variable that names the Studio; logout asks it first. */
    private static final String URL_VARIABLE = "DATACHAIN_STUDIO_URL";

    private final Invocation invocation;

    LoginDestination(Invocation invocation) {
        this.invocation = invocation;
    }

    /**
     * The line a device login prints just before its first request, naming the Studio and what chose
     * it; empty when {@code -H} did, or nothing did (the public Studio).
     *
     * @param hostnameOption the {@code -H} value, if given
     */
    Optional<String> line(Optional<String> hostnameOption, StudioAddress studio) {
        return origin(hostnameOption).map(o -> "Logging in to " + studio + " (" + describe(o) + ")");
    }

    /**
     * Warns, before anything is sent or saved, when a project's file chose the Studio for a token
     * saved elsewhere, and when the login replaces another Studio's token.
     *
     * @param hostnameOption the {@code -H} value, if given
     * @param level where the token will be saved
     */
    void warn(Optional<String> hostnameOption, StudioAddress studio, ConfigLevel level) {
        Optional<SettingValue> origin = origin(hostnameOption);
        if (origin.isPresent() && origin.get().layer() == Layer.LOCAL && level != ConfigLevel.LOCAL) {
            invocation.console().warn("a project chose this Studio: " + studio + " comes from "
                    + origin.get().location() + ", and the token will be saved in your "
                    + level.name().toLowerCase(java.util.Locale.ROOT) + " config " + invocation.settings().location(level)
                    + ", for use outside this project too; pass -H to choose the Studio yourself");
        }
        warnIfReplacing(studio, level);
        invocation.console().err().flush();
    }

    /** What chose the Studio: a layer of the settings, unless {@code -H} did. */
    private Optional<SettingValue> origin(Optional<String> hostnameOption) {
        return hostnameOption.isPresent() ? Optional.empty()
                : invocation.settings().value(StudioKeys.URL).filter(url -> !url.value().isBlank());
    }

    /** A token for another Studio in the file this login writes: it is replaced here but still valid there. */
    private void warnIfReplacing(StudioAddress studio, ConfigLevel level) {
        Settings settings = invocation.settings();
        if (settings.levelValue(level, StudioKeys.TOKEN).filter(token -> !token.value().isBlank()).isEmpty()) {
            return;
        }
        Optional<String> url = settings.levelValue(level, StudioKeys.URL).map(SettingValue::value)
                .filter(u -> !u.isBlank());
        if (url.isPresent() && studio.sameAs(url.get())) {
            return;
        }
        String other = url.map(PrintableText::url).orElse("the Studio it was issued by");
        invocation.console().warn(settings.location(level) + " holds a token for " + other
                + "; this login replaces it there, but " + other + " keeps it valid until it expires. To revoke it"
                + " first, stop now (Ctrl-C) and run 'datachain auth logout" + (level == ConfigLevel.LOCAL
                        ? " --local" : "") + "'"
                // logout asks the variable's Studio first, which is not the one holding this token.
                + (invocation.environment().variable(URL_VARIABLE).isPresent() ? " with " + URL_VARIABLE + " unset" : "")
                + ", or revoke it in that Studio's settings later");
    }

    private static String describe(SettingValue origin) {
        return switch (origin.layer()) {
            case ENVIRONMENT -> "from the environment variable " + origin.location();
            case SYSTEM_PROPERTIES -> "from the system property " + origin.location();
            case DEFAULTS, SYSTEM, GLOBAL, LOCAL -> "studio.url in " + origin.location();
        };
    }
}
