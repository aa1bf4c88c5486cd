package ai.datachain.toolkit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Studio's answer to a device login: where the user approves, and how to ask for the token.
 *
 * @param verificationUri the page the user opens
 * @param userCode the code the user confirms on that page
 * @param deviceCode the secret this client polls with; never shown
 * @param tokenUri where to poll
 * @param tokenName the token's name, chosen by Studio when we sent none
 * @param expiresIn how long the codes stay valid
 * @param interval the polling interval Studio asks for, if it does
 */
record DeviceAuthorization(String verificationUri, String userCode, String deviceCode, URI tokenUri,
        String tokenName, Optional<Duration> expiresIn, Optional<Duration> interval) {

    /**
     * The URL the user opens, built exactly as the reference client builds it:
     * {@code {verification_uri}?code={user_code}}.
     */
    String verificationUrl() {
        return verificationUri + "?code=" + userCode;
    }

    /**
     * Reads the JSON answer; a relative {@code token_uri} is taken relative to the instance.
     *
     * @throws StudioResponseException when a required field is missing
     */
    static DeviceAuthorization fromJson(JsonNode json, StudioAddress address) {
        String tokenUri = required(json, "token_uri");
        URI resolvedTokenUri;
        try {
            URI parsed = URI.create(tokenUri);
            resolvedTokenUri = parsed.isAbsolute() ? parsed : address.resolvePath(tokenUri);
        } catch (IllegalArgumentException e) {
            throw new StudioResponseException("Studio sent an invalid token_uri");
        }
        if (!address.sameOrigin(resolvedTokenUri)) {
            throw new StudioResponseException("Studio's token_uri " + PrintableText.url(tokenUri) + " is not on "
                    + address.origin() + ", the Studio in use; the login code is sent to no other address");
        }
        // Shown to the user and saved: escaped here, once, so no terminal or file ever gets the raw text.
        return new DeviceAuthorization(PrintableText.of(required(json, "verification_uri")),
                PrintableText.of(required(json, "user_code")), required(json, "device_code"), resolvedTokenUri,
                PrintableText.of(optionalText(json, "token_name").orElse("")),
                seconds(json, "expires_in"), seconds(json, "interval"));
    }

    private static String required(JsonNode json, String field) {
        return optionalText(json, field)
                .orElseThrow(() -> new StudioResponseException("Studio's answer has no " + field));
    }

    private static Optional<String> optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    /** A positive number of seconds; fractions are allowed so a test server can ask for quick polls. */
    static Optional<Duration> seconds(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isNumber() || value.asDouble() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(value.asDouble() * 1000)));
    }

    @Override
    public String toString() {
        // Keeps the device code out of logs and stack traces.
        return "DeviceAuthorization[verificationUri=" + verificationUri + ", tokenUri=" + tokenUri + "]";
    }
}
