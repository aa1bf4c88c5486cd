package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The token scopes of {@code --scopes}. Entries are trimmed and compared case-insensitively, so
 * {@code "datasets, models"} works where the reference client would reject {@code " models"}.
 */
final class Scopes {

    /** Every scope Studio knows, in the order help lists them. */
    static final List<String> ALL = List.of("EXPERIMENTS", "DATASETS", "MODELS");

    private Scopes() {}

    /**
     * Parses a comma-separated list: upper-cased, duplicates dropped, order kept.
     *
     * @throws LoginFailure naming every entry that is not a scope; the reference client reports
     *     them as an authentication failure, {@code Failed to authenticate with Studio: Following ...}
     */
    static List<String> parse(String commaSeparated) {
        Set<String> scopes = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String entry : commaSeparated.split(",", -1)) {
            String scope = entry.strip();
            if (scope.isEmpty()) {
                continue;
            }
            String upper = scope.toUpperCase(Locale.ROOT);
            if (ALL.contains(upper)) {
                scopes.add(upper);
            } else {
                invalid.add(scope);
            }
        }
        if (!invalid.isEmpty()) {
            throw new LoginFailure("Following scopes are not valid: " + String.join(", ", invalid));
        }
        if (scopes.isEmpty()) {
            throw CommandException.usage("--scopes needs at least one of " + String.join(", ", ALL));
        }
        return List.copyOf(scopes);
    }
}
