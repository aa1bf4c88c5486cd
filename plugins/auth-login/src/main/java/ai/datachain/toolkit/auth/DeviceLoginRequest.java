package ai.datachain.toolkit.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * What {@code POST /api/device-login} asks for.
 *
 * @param tokenName the token's name; empty lets Studio pick one
 * @param scopes the scopes; empty means every scope (the key is then left out)
 * @param teams the teams the token is restricted to, in the order given
 * @param expiresInDays the token's lifetime
 */
record DeviceLoginRequest(Optional<String> tokenName, List<String> scopes, List<String> teams, int expiresInDays) {

    static final String CLIENT_NAME = "DataChain";

    DeviceLoginRequest {
        scopes = List.copyOf(scopes);
        teams = List.copyOf(teams);
    }

    /** The JSON body: keys appear only when they have a value, as the reference client sends them. */
    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.put("client_name", CLIENT_NAME);
        tokenName.ifPresent(name -> body.put("token_name", name));
        if (!scopes.isEmpty()) {
            scopes.forEach(body.putArray("scopes")::add);
        }
        if (!teams.isEmpty()) {
            teams.forEach(body.putArray("team_names")::add);
        }
        body.put("expires_in_days", expiresInDays);
        return body;
    }
}
