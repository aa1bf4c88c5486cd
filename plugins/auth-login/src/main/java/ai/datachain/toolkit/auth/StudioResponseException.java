package ai.datachain.toolkit.auth;

/** Studio answered, but not with something we can use: not JSON, too large, or missing a field. */
final class StudioResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StudioResponseException(String message) {
        super(message);
    }
}
