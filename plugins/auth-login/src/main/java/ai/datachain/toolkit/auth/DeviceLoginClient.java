package ai.datachain.toolkit.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The two requests of Studio's device login: start it, then ask for the token. */
final class DeviceLoginClient {

    static final String DEVICE_LOGIN_PATH = "api/device-login";

    private final StudioConnection connection;
    private final ObjectMapper mapper;

    DeviceLoginClient(StudioConnection connection, ObjectMapper mapper) {
        this.connection = connection;
        this.mapper = mapper;
    }

    /**
     * {@code POST {studio}/api/device-login}.
     *
     * @throws LoginFailure when Studio cannot be reached or refuses
     */
    DeviceAuthorization start(StudioAddress studio, DeviceLoginRequest request) throws InterruptedException {
        StudioResponse response;
        try {
            response = connection.postJson(studio.resolvePath(DEVICE_LOGIN_PATH),
                    WireJson.write(mapper, request.toJson(mapper)));
        } catch (IOException e) {
            throw new LoginFailure("could not reach " + studio + " (" + StudioConnection.describe(e) + ")");
        }
        // A 400 carries Studio's reason (a team that does not exist...), shown as it is.
        try {
            if (response.status() == 400) {
                throw new LoginFailure(response.detail(mapper).orElse("Studio answered HTTP 400"));
            }
            if (!response.successful()) {
                throw new LoginFailure("Studio answered " + response.describeError(mapper));
            }
            return DeviceAuthorization.fromJson(response.json(mapper), studio);
        } catch (StudioResponseException e) {
            throw new LoginFailure(e.getMessage());
        }
    }

    /** The poll request: {@code POST {token_uri}} with {@code {"code": device_code}}. */
    TokenPoller.Endpoint tokenEndpoint(DeviceAuthorization authorization) {
        ObjectNode body = mapper.createObjectNode().put("code", authorization.deviceCode());
        String json = WireJson.write(mapper, body);
        return () -> connection.postJson(authorization.tokenUri(), json);
    }
}
