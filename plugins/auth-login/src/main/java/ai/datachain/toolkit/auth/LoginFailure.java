package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;

/** The device login did not produce a token: {@code Error: Failed to authenticate with Studio: ...}. */
final class LoginFailure extends CommandException {

    private static final long serialVersionUID = 1L;

    static final String PREFIX = "Failed to authenticate with Studio: ";

    LoginFailure(String reason) {
        super(PREFIX + reason);
    }
}
