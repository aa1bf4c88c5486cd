package ai.datachain.toolkit.auth;

/** The {@code [studio]} keys the reference client reads and writes. */
final class StudioKeys {

    static final String URL = "studio.url";
    static final String TOKEN = "studio.token";
    static final String TEAM = "studio.team";

    private StudioKeys() {}
}
