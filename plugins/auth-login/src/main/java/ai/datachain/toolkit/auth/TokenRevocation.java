package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Console;
import java.io.IOException;

/** {@code POST {studio}/api/device-logout}: tells Studio to forget a token before we do. */
final class TokenRevocation {

    static final String DEVICE_LOGOUT_PATH = "api/device-logout";

    private final StudioConnection connection;
    private final Console console;

    TokenRevocation(StudioConnection connection, Console console) {
        this.connection = connection;
        this.console = console;
    }

    /**
     * Revokes the token. A 401 means Studio no longer knows it, which is what we wanted anyway.
     *
     * @throws CommandException when Studio cannot be reached or answers with another error
     */
    void revoke(StudioAddress studio, String token) throws InterruptedException {
        StudioResponse response;
        try {
            response = connection.postWithToken(studio.resolvePath(DEVICE_LOGOUT_PATH), token);
        } catch (TransportFailure e) {
            console.debug("revoking the token failed: " + e.getMessage());
            if (e.needsSettingChange()) {
                // Waiting will not help: say what to change.
                throw new CommandException("Could not reach Studio to revoke the token: " + e.getMessage() + ".");
            }
            throw new CommandException("Could not reach Studio to revoke the token. Please try again later.");
        } catch (IOException e) {
            console.debug("revoking the token failed: " + StudioConnection.describe(e));
            throw new CommandException("Could not reach Studio to revoke the token. Please try again later.");
        }
        if (response.status() == 401) {
            console.err().println("Token was already revoked or is invalid on Studio.");
        } else if (!response.successful()) {
            throw new CommandException("Studio returned HTTP " + response.status()
                    + " while revoking the token. Please try again later.");
        }
    }
}
