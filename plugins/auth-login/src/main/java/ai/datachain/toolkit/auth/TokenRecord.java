package ai.datachain.toolkit.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * What we learned about a token at login, kept in {@code [studio]} after the reference client's
 * keys, under names it never reads. The reference client never removes them either, so they carry
 * a fingerprint of the token they describe and count only while it matches the saved token.
 *
 * @param tokenName the name Studio shows for the token
 * @param scopes the token's scopes
 * @param teams the teams it is restricted to; empty when it is not
 * @param expiresOn the day it expires
 */
record TokenRecord(String tokenName, List<String> scopes, List<String> teams, LocalDate expiresOn) {

    static final String NAME = "studio.token_name";
    static final String SCOPES = "studio.token_scopes";
    static final String TEAMS = "studio.token_teams";
    static final String EXPIRES = "studio.token_expires";
    static final String FINGERPRINT = "studio.token_fingerprint";
    private static final List<String> KEYS = List.of(NAME, SCOPES, TEAMS, EXPIRES, FINGERPRINT);

    TokenRecord {
        scopes = List.copyOf(scopes);
        teams = List.copyOf(teams);
    }

    /** Adds the record for {@code token}; call after the reference keys are set, so it comes last. */
    void writeTo(HierarchicalConfiguration<ImmutableNode> document, String token) {
        document.setProperty(NAME, tokenName);
        document.setProperty(SCOPES, scopes);
        if (!teams.isEmpty()) {
            document.setProperty(TEAMS, teams);
        }
        document.setProperty(EXPIRES, expiresOn.toString());
        document.setProperty(FINGERPRINT, fingerprint(token));
    }

    /** Removes every key of a record, whichever token it described. */
    static void clear(HierarchicalConfiguration<ImmutableNode> document) {
        KEYS.forEach(document::clearProperty);
    }

    /** The record in a file, if there is one and it describes {@code token}. */
    static Optional<TokenRecord> readFrom(ImmutableHierarchicalConfiguration document, String token) {
        String fingerprint = document.getString(FINGERPRINT, null);
        if (fingerprint == null || !fingerprint.equals(fingerprint(token))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenRecord(document.getString(NAME, ""),
                    document.getList(String.class, SCOPES, List.of()), document.getList(String.class, TEAMS, List.of()),
                    LocalDate.parse(document.getString(EXPIRES, ""))));
        } catch (DateTimeParseException | org.apache.commons.configuration2.ex.ConversionException e) {
            // Edited by hand into something we cannot read: treat as not recorded.
            return Optional.empty();
        }
    }

    /** The first 12 hex digits of the token's SHA-256: enough to tell tokens apart, useless to an attacker. */
    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
