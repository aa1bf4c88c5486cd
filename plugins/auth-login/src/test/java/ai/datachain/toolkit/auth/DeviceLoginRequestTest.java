package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceLoginRequestTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void defaultsSendOnlyClientNameAndExpiry() {
        assertThat(body(Optional.empty(), List.of(), List.of(), 365))
                .isEqualTo("{\"client_name\": \"DataChain\", \"expires_in_days\": 365}");
    }

    @Test
    void everyValueHasItsKey() {
        assertThat(body(Optional.of("short-term-token"), List.of("EXPERIMENTS", "DATASETS"),
                List.of("data-team", "ml-team"), 30))
                .isEqualTo("{\"client_name\": \"DataChain\", \"token_name\": \"short-term-token\", "
                        + "\"scopes\": [\"EXPERIMENTS\", \"DATASETS\"], \"team_names\": [\"data-team\", \"ml-team\"], "
                        + "\"expires_in_days\": 30}");
    }

    @Test
    void nonAsciiIsEscapedLikePython() {
        // json.dumps({"token_name": "jeton-\u00e9\U0001F600\x01\x7f\n\"\\"}) in Python
        assertThat(body(java.util.Optional.of("jeton-\u00e9\uD83D\uDE00\u0001\u007f\n\"\\"), List.of(), List.of(), 1))
                .isEqualTo("{\"client_name\": \"DataChain\", \"token_name\": "
                        + "\"jeton-\\u00e9\\ud83d\\ude00\\u0001\\u007f\\n\\\"\\\\\", \"expires_in_days\": 1}");
    }

    @Test
    void verificationUrlCarriesTheUserCode() throws Exception {
        DeviceAuthorization authorization = DeviceAuthorization.fromJson(mapper.readTree(
                "{\"verification_uri\":\"https://x/auth/device\",\"user_code\":\"ABCD-EFGH\",\"device_code\":\"d\","
                        + "\"token_uri\":\"api/device-login/token\",\"token_name\":\"t\",\"expires_in\":900}"),
                StudioAddress.parse("https://x/studio"));
        assertThat(authorization.verificationUrl()).isEqualTo("https://x/auth/device?code=ABCD-EFGH");
        assertThat(authorization.tokenUri()).hasToString("https://x/studio/api/device-login/token");
        assertThat(authorization.expiresIn()).contains(java.time.Duration.ofSeconds(900));
        assertThat(authorization.interval()).isEmpty();
        assertThat(authorization.toString()).doesNotContain("device_code").doesNotContain("=d,");
    }

    @Test
    void fractionalIntervalIsKept() throws Exception {
        assertThat(DeviceAuthorization.seconds(mapper.readTree("{\"interval\":0.05}"), "interval"))
                .contains(java.time.Duration.ofMillis(50));
        assertThat(DeviceAuthorization.seconds(mapper.readTree("{\"interval\":\"5\"}"), "interval")).isEmpty();
    }

    private String body(Optional<String> name, List<String> scopes, List<String> teams, int days) {
        return WireJson.write(mapper, new DeviceLoginRequest(name, scopes, teams, days).toJson(mapper));
    }
}
