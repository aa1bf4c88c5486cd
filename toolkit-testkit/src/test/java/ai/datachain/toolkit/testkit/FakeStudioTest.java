package ai.datachain.toolkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeStudioTest {

    /** An answer: status and body. */
    private record Answer(int statusCode, String body) {}

    @Test
    void approvalPageApprovesTheLoginItShows() throws Exception {
        try (FakeStudio studio = FakeStudio.start(0, "/studio").nextAccessToken("isat_page")) {
            String start = post(studio.url() + "/api/device-login", "{\"client_name\": \"DataChain\"}").body();
            assertThat(start).contains("\"verification_uri\":\"" + studio.url() + "/auth/device-login\"",
                    "\"token_uri\":\"" + studio.url() + "/api/device-login/token\"", "\"expires_in\":900");
            String deviceCode = studio.lastDeviceCode().orElseThrow();
            String userCode = studio.lastUserCode().orElseThrow();
            assertThat(userCode).matches("[A-Z]{4}-[A-Z]{4}");

            Answer pending = post(studio.url() + "/api/device-login/token",
                    "{\"code\": \"" + deviceCode + "\"}");
            assertThat(pending.statusCode()).isEqualTo(400);
            assertThat(pending.body()).isEqualTo("{\"detail\": \"authorization_pending\"}");

            String page = send("GET", studio.url() + "/auth/device-login?code=" + userCode, null, null, null).body();
            assertThat(page).contains("<code>" + userCode + "</code>", "action=\"/studio/auth/device-login/approve\"");
            Answer approved = send("POST", studio.url() + "/auth/device-login/approve",
                    "application/x-www-form-urlencoded", "code=" + userCode, null);
            assertThat(approved.statusCode()).isEqualTo(200);

            Answer token = post(studio.url() + "/api/device-login/token",
                    "{\"code\": \"" + deviceCode + "\"}");
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(token.body()).isEqualTo("{\"access_token\":\"isat_page\"}");
            assertThat(studio.issuedTokens()).containsExactly("isat_page");
        }
    }

    @Test
    void codesExpireAndLogoutRecordsTheToken() throws Exception {
        try (FakeStudio studio = FakeStudio.start().codeLifetime(Duration.ZERO)) {
            post(studio.url() + "/api/device-login", "{\"client_name\": \"DataChain\"}");
            Answer expired = post(studio.url() + "/api/device-login/token",
                    "{\"code\": \"" + studio.lastDeviceCode().orElseThrow() + "\"}");
            assertThat(expired.body()).isEqualTo("{\"detail\": \"authorization_expired\"}");

            Answer logout = send("POST", studio.url() + "/api/device-logout", null, "", "token isat_x");
            assertThat(logout.statusCode()).isEqualTo(200);
            assertThat(studio.revokedTokens()).containsExactly("isat_x");
        }
    }

    @Test
    void scriptedAnswersComeFirstThenNormalBehaviour() throws Exception {
        try (FakeStudio studio = FakeStudio.start()) {
            studio.scriptDeviceLogin(StudioAnswer.detail(400, "Invalid team"));
            Answer refused = post(studio.url() + "/api/device-login", "{\"client_name\": \"x\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("{\"detail\": \"Invalid team\"}");
            assertThat(post(studio.url() + "/api/device-login", "{\"client_name\": \"x\"}").statusCode())
                    .isEqualTo(200);
            assertThat(studio.deviceLoginBodies()).hasSize(2);
        }
    }

    private static Answer post(String url, String json) throws IOException {
        return send("POST", url, "application/json", json, null);
    }

    private static Answer send(String method, String url, String contentType, String body, String authorization)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        if (contentType != null) {
            connection.setRequestProperty("Content-Type", contentType);
        }
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }
}
