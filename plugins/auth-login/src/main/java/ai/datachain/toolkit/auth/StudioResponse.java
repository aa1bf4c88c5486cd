package ai.datachain.toolkit.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * One HTTP answer from Studio, its body read up to {@link StudioConnection#MAX_BODY_BYTES}.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header, empty when absent
 * @param body the body bytes, at most the cap
 * @param oversized whether the body went past the cap (and was cut off)
 * @param location the Location header of a redirect, which is reported, never followed
 */
record StudioResponse(int status, String contentType, byte[] body, boolean oversized, Optional<String> location) {

    StudioResponse(int status, String contentType, byte[] body, boolean oversized) {
        this(status, contentType, body, oversized, Optional.empty());
    }

    boolean redirect() {
        return status >= 300 && status < 400;
    }

    /**
     * The status for an error message: {@code HTTP 404}, {@code HTTP 400: detail}, or for a redirect
     * where it pointed, since the reference client follows none and neither do we.
     */
    String describeError(ObjectMapper mapper) {
        if (redirect()) {
            return "HTTP " + status + ", a redirect" + location.map(l -> " to " + PrintableText.of(l)).orElse("")
                    + " (redirects are not followed; check the Studio URL)";
        }
        return "HTTP " + status + detail(mapper).map(d -> ": " + d).orElse("");
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    /**
     * The body as a JSON object.
     *
     * @throws StudioResponseException when it is too large or not a JSON object
     */
    JsonNode json(ObjectMapper mapper) {
        if (oversized) {
            throw new StudioResponseException("Studio's answer (HTTP " + status + ") is larger than "
                    + StudioConnection.MAX_BODY_BYTES / 1024 + " KiB");
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // reported below, without echoing the body
        } catch (java.io.IOException e) {
            // same: a body we cannot read is a body we cannot use
        }
        throw new StudioResponseException("Studio's answer (HTTP " + status
                + (contentType.isEmpty() ? "" : ", " + contentType) + ") is not JSON");
    }

    /** The {@code detail} of an error body, when the body is JSON and has one, escaped for printing. */
    Optional<String> detail(ObjectMapper mapper) {
        try {
            JsonNode detail = json(mapper).get("detail");
            return detail != null && detail.isValueNode() && !detail.isNull()
                    ? Optional.of(PrintableText.of(detail.asText()))
                    : Optional.empty();
        } catch (StudioResponseException e) {
            return Optional.empty();
        }
    }
}
