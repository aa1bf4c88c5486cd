package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Console;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The browser and code flows of {@code auth login}: start the device login, show the user where
 * to go, wait for the token, save it. Nothing is written unless a token arrived.
 */
final class DeviceLoginFlow {

    static final String POST_LOGIN_MESSAGE =
            "Once you've logged in, return here and you'll be ready to start using DataChain with Studio.";
    static final String BROWSER_FAILED_MESSAGE =
            "Failed to open a web browser. Open the above url to continue in your web browser.";
    /** How long to wait when Studio does not say how long its codes live. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    private final Invocation invocation;
    private final Console console;
    private final Clock clock;

    DeviceLoginFlow(Invocation invocation, Clock clock) {
        this.invocation = invocation;
        this.console = invocation.console();
        this.clock = clock;
    }

    /**
     * @param destination said on stderr just before the first request, unless quieted
     * @param openBrowser false for the code flow ({@code --no-open})
     * @param json print one JSON document instead of the closing messages
     * @return the exit code
     */
    int run(StudioAddress studio, Optional<String> destination, DeviceLoginRequest request, ConfigLevel level,
            boolean openBrowser, boolean json) throws InterruptedException {
        ObjectMapper mapper = JsonOutput.mapper();
        StudioConnection connection = new StudioConnection(invocation.toolkitVersion(), console,
                invocation.environment());
        DeviceLoginClient client = new DeviceLoginClient(connection, mapper);
        if (console.verbosity() >= 0) {
            destination.ifPresent(line -> {
                console.err().println(line);
                console.err().flush();
            });
        }

        DeviceAuthorization authorization = client.start(studio, request);
        console.debug("device login started; polling " + authorization.tokenUri());
        Instant started = clock.instant();
        showWhereToGo(studio, authorization, openBrowser, json ? console.err() : console.out());

        Duration lifetime = authorization.expiresIn().orElse(DEFAULT_LIFETIME);
        Duration interval = authorization.interval().orElse(TokenPoller.DEFAULT_INTERVAL);
        CountdownPause pause = new CountdownPause(clock, console.err(), console.interactive());
        String token;
        try {
            token = new TokenPoller(clock, pause, mapper, console)
                    .await(client.tokenEndpoint(authorization), interval, started.plus(lifetime), lifetime);
        } catch (StudioResponseException e) {
            throw new LoginFailure(e.getMessage());
        } finally {
            pause.clear();
        }

        LocalDate expiresOn = LocalDate.now(clock).plusDays(request.expiresInDays());
        List<String> scopes = request.scopes().isEmpty() ? Scopes.ALL : request.scopes();
        String tokenName = authorization.tokenName().isEmpty() ? request.tokenName().orElse("")
                : authorization.tokenName();
        TokenRecord record = new TokenRecord(tokenName, scopes, request.teams(), expiresOn);
        Path file = LoginSave.save(invocation.settings(), level, studio, token, request.teams(), Optional.of(record));
        TokenFileExposure.warnIfReadableByOthers(console, file);

        if (json) {
            ObjectNode document = mapper.createObjectNode();
            document.put("hostname", studio.url());
            document.put("config_file", file.toString());
            document.put("level", level.name().toLowerCase(java.util.Locale.ROOT));
            document.put("token_name", tokenName);
            document.set("scopes", JsonOutput.array(mapper, scopes));
            document.set("teams", JsonOutput.array(mapper, request.teams()));
            document.put("default_team", request.teams().size() == 1 ? request.teams().get(0) : null);
            document.put("expires_in_days", request.expiresInDays());
            document.put("expires_on", expiresOn.toString());
            JsonOutput.print(console, mapper, document);
        } else {
            PrintStream out = console.out();
            out.println("Authentication complete. Saved token to " + file + ".");
            if (!request.teams().isEmpty()) {
                out.println("Token is scoped to teams: " + String.join(", ", request.teams()));
            }
            out.println("Token will expire in " + request.expiresInDays() + " days.");
            printTeamOutcome(out, request.teams(), file);
        }
        return 0;
    }

    /** After a login or a saved token: the default team set, or a hint how to set one. */
    static void printTeamOutcome(PrintStream out, List<String> teams, Path file) {
        if (teams.size() == 1) {
            out.println("Set default team to '" + teams.get(0) + "' in " + file);
        } else {
            out.println("You can now use 'datachain auth team' to set the default team.");
        }
    }

    private void showWhereToGo(StudioAddress studio, DeviceAuthorization authorization, boolean openBrowser,
            PrintStream messages) throws InterruptedException {
        String url = authorization.verificationUrl();
        Optional<String> host = WebLink.host(url);
        if (host.isEmpty()) {
            console.warn("Studio's login link is not a plain http(s) address" + (openBrowser
                    ? ", so no browser is opened for it" : "") + "; open it only if you trust it");
            openBrowser = false;
        } else if (!host.get().equals(studio.host())) {
            console.warn("the login link is on " + host.get() + ", not on the Studio in use (" + studio.host()
                    + "); approve only if you trust " + host.get());
        }
        console.err().flush();
        if (openBrowser) {
            messages.println("Opening link for login at " + url);
        } else {
            messages.println("Open this url to continue in your web browser: " + url);
            messages.flush();
            // RFC 8628 3.3: the code on its own line, so the user can check it against Studio's page;
            // on stderr, so stdout stays what the reference prints.
            console.err().println("User code: " + authorization.userCode());
            console.err().flush();
        }
        messages.println();
        messages.println(POST_LOGIN_MESSAGE);
        messages.flush();
        if (openBrowser) {
            Optional<String> problem = new BrowserOpener(invocation.environment().variables(),
                    invocation.environment().osName()).open(url);
            problem.ifPresent(reason -> {
                // The reference's lines, verbatim (scripts may look for them), then our reason.
                console.err().println();
                console.err().println(BROWSER_FAILED_MESSAGE);
                console.err().println("Reason: " + reason + ".");
                console.err().flush();
            });
        }
    }

    /** Ctrl-C in an embedded run: nothing was written, the exit code says why. */
    static CommandException interrupted() {
        Thread.currentThread().interrupt();
        return new CommandException("Login interrupted; nothing was saved.", null, CommandException.INTERRUPTED);
    }
}
