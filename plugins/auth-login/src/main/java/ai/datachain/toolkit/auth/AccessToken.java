package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a Studio token may look like: the characters of an RFC 6750 bearer token ({@code A-Z a-z 0-9
 * - . _ ~ + / =}), at most {@value #MAX_LENGTH} of them. A token travels in an HTTP header, lands in
 * a TOML file and is printed by {@code auth token}; anything outside this set is either a mistake or
 * an attempt to smuggle something into one of those places, so it is refused. The messages never
 * repeat the token.
 */
final class AccessToken {

    static final int MAX_LENGTH = 4096;

    private AccessToken() {}

    /**
     * A token read from the configuration, refused when a file (a project's, say) planted something
     * else there, so that it is never printed or sent.
     *
     * @param where where it was read, for the message: a file or a variable; asked only for a bad token
     * @throws CommandException when it cannot be a token
     */
    static String stored(String token, Supplier<String> where) {
        problem(token).ifPresent(problem -> {
            throw new CommandException("the studio.token in " + where.get() + " is not a token (" + problem
                    + "); log in again, or remove it with 'datachain config unset studio.token'");
        });
        return token;
    }

    /** Why {@code token} cannot be a token, or empty when it can. */
    static Optional<String> problem(String token) {
        if (token.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (token.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || "-._~+/=".indexOf(c) >= 0;
            if (!allowed) {
                return Optional.of(PrintableText.hidden(c) || Character.isWhitespace(c)
                        ? "it contains invisible, control or space characters"
                        : "it contains characters a token never has (only letters, digits and - . _ ~ + / = are)");
            }
        }
        return Optional.empty();
    }
}
