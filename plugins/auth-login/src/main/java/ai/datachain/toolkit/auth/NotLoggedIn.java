package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;

/** The reference client's error when there is no token to use. */
final class NotLoggedIn extends CommandException {

    private static final long serialVersionUID = 1L;

    static final String MESSAGE = "Not logged in to Studio. Log in with 'datachain auth login'.";

    NotLoggedIn() {
        super(MESSAGE);
    }
}
