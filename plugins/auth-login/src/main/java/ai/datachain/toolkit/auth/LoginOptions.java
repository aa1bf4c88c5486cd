package ai.datachain.toolkit.auth;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options of {@code datachain auth login}, as the reference client documents them. */
final class LoginOptions {

    static final String HOSTNAME = "hostname";
    static final String SCOPES = "scopes";
    static final String NAME = "name";
    static final String NO_OPEN = "no-open";
    static final String LOCAL = "local";
    static final String TEAM = "team";
    static final String EXPIRES_IN = "expires-in";
    static final String WITH_TOKEN = "with-token";
    static final int DEFAULT_EXPIRES_IN_DAYS = 365;

    private LoginOptions() {}

    static Options create() {
        return new Options()
                .addOption(Option.builder("H").longOpt(HOSTNAME).hasArg().argName("HOSTNAME")
                        .desc("Studio instance to log in to. Defaults to $DATACHAIN_STUDIO_URL, then the"
                                + " configured studio.url, then https://studio.datachain.ai.").get())
                .addOption(Option.builder("s").longOpt(SCOPES).hasArg().argName("SCOPES")
                        .desc("Comma-separated scopes for the token, from EXPERIMENTS, DATASETS and MODELS."
                                + " Without it the token gets all of them.").get())
                .addOption(Option.builder("n").longOpt(NAME).hasArg().argName("NAME")
                        .desc("Name of the token as shown in your Studio profile. Without it Studio picks"
                                + " a random name.").get())
                .addOption(Option.builder().longOpt(NO_OPEN)
                        .desc("Do not start a browser: print a URL and a code to enter instead. Also what"
                                + " happens when no browser can be started.").get())
                .addOption(Option.builder().longOpt(LOCAL)
                        .desc("Save the token in this project's local config (.datachain/config) instead"
                                + " of your global one.").get())
                .addOption(Option.builder().longOpt(TEAM).hasArg().argName("TEAM")
                        .desc("Restrict the token to a team. Repeat for several teams.").get())
                .addOption(Option.builder().longOpt(EXPIRES_IN).hasArg().argName("EXPIRES_IN")
                        .type(Integer.class)
                        .desc("Days until the token expires (default: " + DEFAULT_EXPIRES_IN_DAYS + ").").get())
                .addOption(Option.builder().longOpt(WITH_TOKEN)
                        .desc("Read an existing token from standard input and save it instead of logging in,"
                                + " e.g. in CI. Combines with -H, --local and one --team (the default team).")
                        .get())
                .addOption(JsonOutput.option());
    }
}
