package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.ProxyRequest;
import ai.datachain.toolkit.testkit.RecordingProxy;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code config get studio.url}, {@code auth status} and {@code auth login} agree on the Studio
 * address for every combination of where it can be set: {@code -H} (login only), a
 * {@code -Dstudio.url} system property through {@code DATACHAIN_JAVA_OPTS},
 * {@code DATACHAIN_STUDIO_URL}, and the local, global and system files. Each place names its own
 * stand-in, so the one a login reached says which place won. With none set, a login goes to the
 * public Studio, seen here as a {@code CONNECT} to the recording proxy (which never leaves 127.0.0.1).
 */
class StudioAddressAgreementIT {

    private static final String PUBLIC_STUDIO = "https://studio.datachain.ai";

    /** Highest precedence first. */
    enum Place { OPTION, PROPERTY, ENVIRONMENT, LOCAL, GLOBAL, SYSTEM }

    private static final Map<Place, FakeStudio> STUDIOS = new EnumMap<>(Place.class);
    private static RecordingProxy proxy;
    private static Path root;

    @BeforeAll
    static void start() throws IOException {
        StudioAnswer[] refusals = new StudioAnswer[100];
        Arrays.fill(refusals, StudioAnswer.detail(400, "refused by the test"));
        for (Place place : Place.values()) {
            // Every login is refused at once, so nothing is saved and each run starts from the same files.
            STUDIOS.put(place, FakeStudio.start().scriptDeviceLogin(refusals));
        }
        proxy = RecordingProxy.start();
        root = Files.createTempDirectory("studio-address-");
    }

    @AfterAll
    static void stop() {
        STUDIOS.values().forEach(FakeStudio::close);
        proxy.close();
    }

    /** Every subset of the places that are settings (not {@code -H}): 32 combinations. */
    static Stream<Set<Place>> combinations() {
        List<Place> settings = List.of(Place.PROPERTY, Place.ENVIRONMENT, Place.LOCAL, Place.GLOBAL, Place.SYSTEM);
        List<Set<Place>> all = new ArrayList<>();
        for (int bits = 0; bits < 1 << settings.size(); bits++) {
            Set<Place> set = EnumSet.noneOf(Place.class);
            for (int i = 0; i < settings.size(); i++) {
                if ((bits & 1 << i) != 0) {
                    set.add(settings.get(i));
                }
            }
            all.add(set);
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void everyCommandUsesTheHighestPlace(Set<Place> places) throws IOException {
        Path home = Files.createTempDirectory(root, "home-");
        DatachainRunner datachain = machine(home, places);
        Optional<Place> winner = places.stream().findFirst();
        String expected = winner.map(StudioAddressAgreementIT::url).orElse(PUBLIC_STUDIO);

        CommandResult get = datachain.run("config", "get", "studio.url");
        CommandResult status = datachain.run("auth", "status", "--json");
        String reached = reached(datachain, "auth", "login", "--no-open");
        String reachedWithOption = reached(datachain, "auth", "login", "--no-open", "-H", url(Place.OPTION));

        assertThat(get.stdout()).as(get.toString()).isEqualTo(winner.isPresent() ? expected + "\n" : "");
        assertThat(get.exitCode()).isEqualTo(winner.isPresent() ? 0 : 1);
        assertThat(status.stdout()).as(status.toString()).contains("\"hostname\" : \"" + expected + "\"");
        assertThat(reached).isEqualTo(expected);
        assertThat(reachedWithOption).isEqualTo(url(Place.OPTION));
    }

    /** A temporary machine with {@code studio.url} set in exactly {@code places}. */
    private static DatachainRunner machine(Path home, Set<Place> places) throws IOException {
        Path project = Files.createDirectories(home.resolve("project"));
        DatachainRunner datachain = Launcher.in(home).workingDirectory(project)
                .env("DATACHAIN_SYSTEM_CONFIG_DIR", home.resolve("system").toString())
                .env("HTTPS_PROXY", proxy.url());
        for (Place place : places) {
            String file = "[studio]\nurl = \"" + url(place) + "\"\n";
            switch (place) {
                case PROPERTY -> datachain.env("DATACHAIN_JAVA_OPTS", "-Dstudio.url=" + url(place));
                case ENVIRONMENT -> datachain.env("DATACHAIN_STUDIO_URL", url(place));
                case LOCAL -> AuthSandbox.write(project.resolve(".datachain/config"), file);
                case GLOBAL -> AuthSandbox.write(home.resolve(".config/datachain/config"), file);
                case SYSTEM -> AuthSandbox.write(home.resolve("system/config"), file);
                case OPTION -> throw new IllegalArgumentException("-H is an option, not a setting");
            }
        }
        return datachain;
    }

    /** The one Studio that a login's first request went to. */
    private static String reached(DatachainRunner datachain, String... login) {
        Map<Place, Integer> before = new EnumMap<>(Place.class);
        STUDIOS.forEach((place, studio) -> before.put(place, studio.deviceLoginBodies().size()));
        int tunnelsBefore = proxy.requests().size();

        CommandResult result = datachain.run(login);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        List<String> reached = new ArrayList<>();
        STUDIOS.forEach((place, studio) -> {
            if (studio.deviceLoginBodies().size() > before.get(place)) {
                reached.add(url(place));
            }
        });
        for (ProxyRequest tunnel : proxy.requests().subList(tunnelsBefore, proxy.requests().size())) {
            assertThat(tunnel.target()).isEqualTo("studio.datachain.ai:443");
            reached.add(PUBLIC_STUDIO);
        }
        assertThat(reached).as("Studios reached by one login: " + result).hasSize(1);
        return reached.get(0);
    }

    private static String url(Place place) {
        return STUDIOS.get(place).url();
    }
}
