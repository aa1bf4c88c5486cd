package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Layer;
import ai.datachain.toolkit.api.config.SettingValue;
import ai.datachain.toolkit.api.config.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.commons.cli.Options;
import org.pf4j.Extension;

/**
 * {@code datachain auth status}: which Studio, which token from where, and what we recorded about
 * it at login (name, scopes, teams, expiry) as long as that record still describes this token.
 */
@Extension
public final class StatusCommand implements Command {

    /** Null for the system clock, taken only when status runs: loading time-zone data costs every command's start. */
    private final Clock clock;

    public StatusCommand() {
        this(null);
    }

    StatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("auth status", "Show whether and how you are logged in to Studio.")
                .withDescription("Show the Studio instance, where the token comes from (a config file or the"
                        + " environment), the token's name, scopes, teams and expiry as recorded at login, and the"
                        + " default team. Exits with 1 when no token is configured.")
                .withExamples(new Example("datachain auth status", "Show the login."),
                        new Example("datachain auth status --json", "The same as one JSON document."));
    }

    @Override
    public Options options() {
        return new Options().addOption(JsonOutput.option());
    }

    @Override
    public int run(Invocation invocation) {
        boolean json = invocation.commandLine().hasOption(JsonOutput.OPTION);
        Settings settings = invocation.settings();
        StudioAddress studio = StudioAddress.resolve(null, settings);
        Optional<SettingValue> token = settings.value(StudioKeys.TOKEN).filter(t -> !t.value().isBlank());
        ObjectMapper mapper = JsonOutput.mapper();
        if (token.isEmpty()) {
            if (!json) {
                throw new NotLoggedIn();
            }
            ObjectNode document = mapper.createObjectNode().put("logged_in", false).put("hostname", studio.url());
            JsonOutput.print(invocation.console(), mapper, document);
            return 1;
        }
        Optional<ConfigLevel> level = token.get().layer().level();
        level.ifPresent(l -> TokenFileExposure.warnIfReadableByOthers(invocation.console(), settings.location(l)));
        Optional<TokenRecord> record = level.flatMap(l -> TokenRecord.readFrom(settings.read(l), token.get().value()));
        Optional<String> team = invocation.config().getOptionalValue(StudioKeys.TEAM, String.class)
                .filter(t -> !t.isBlank());
        LocalDate today = LocalDate.now(clock != null ? clock : Clock.systemDefaultZone());
        if (json) {
            JsonOutput.print(invocation.console(), mapper, document(mapper, studio, token.get(), record, team, today));
        } else {
            print(invocation.console().out(), studio, token.get(), record, team, today);
        }
        return 0;
    }

    private static void print(PrintStream out, StudioAddress studio, SettingValue token, Optional<TokenRecord> record,
            Optional<String> team, LocalDate today) {
        // Names, scopes and teams come from config files, which a cloned project may have planted.
        out.println("Logged in to Studio at " + studio);
        out.println("Token: " + describe(token));
        if (record.isPresent()) {
            TokenRecord details = record.get();
            out.println("Token name: " + PrintableText.of(details.tokenName()));
            out.println("Scopes: " + PrintableText.of(String.join(", ", details.scopes())));
            out.println("Teams: " + (details.teams().isEmpty() ? "not restricted"
                    : PrintableText.of(String.join(", ", details.teams()))));
            out.println("Expires: " + details.expiresOn() + " (" + daysLeft(details.expiresOn(), today) + ")");
        } else {
            out.println(token.layer() == Layer.ENVIRONMENT
                    ? "Token details: not known (the token comes from the environment, not from a login here)"
                    : "Token details: not recorded (the token was saved by another client or changed since)");
        }
        out.println("Default team: " + team.map(PrintableText::of).orElse("none"));
    }

    private static String describe(SettingValue token) {
        return switch (token.layer()) {
            case ENVIRONMENT -> "environment variable " + token.location();
            case SYSTEM_PROPERTIES -> "system property " + token.location();
            case DEFAULTS, SYSTEM, GLOBAL, LOCAL -> token.location() + " (" + token.layer().label() + " config)";
        };
    }

    static String daysLeft(LocalDate expiresOn, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        if (days > 1) {
            return days + " days left";
        }
        if (days == 1) {
            return "1 day left";
        }
        if (days == 0) {
            return "expires today";
        }
        return days == -1 ? "expired 1 day ago" : "expired " + -days + " days ago";
    }

    private static ObjectNode document(ObjectMapper mapper, StudioAddress studio, SettingValue token,
            Optional<TokenRecord> record, Optional<String> team, LocalDate today) {
        ObjectNode document = mapper.createObjectNode().put("logged_in", true).put("hostname", studio.url());
        document.putObject("token_source").put("layer", token.layer().label()).put("location", token.location());
        document.put("details_recorded", record.isPresent());
        document.put("token_name", record.map(TokenRecord::tokenName).orElse(null));
        if (record.isPresent()) {
            document.set("scopes", JsonOutput.array(mapper, record.get().scopes()));
            document.set("teams", JsonOutput.array(mapper, record.get().teams()));
            document.put("expires_on", record.get().expiresOn().toString());
            document.put("days_left", ChronoUnit.DAYS.between(today, record.get().expiresOn()));
        } else {
            document.putNull("scopes");
            document.putNull("teams");
            document.putNull("expires_on");
            document.putNull("days_left");
        }
        document.put("default_team", team.orElse(null));
        return document;
    }
}
