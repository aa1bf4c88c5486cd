package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Console;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code auth login --with-token}: saves a token read from standard input, for CI. The token never
 * travels on the command line, where other users could see it in the process list.
 */
final class StdinTokenLogin {

    /** A token is a few dozen characters; more than this is not a token. */
    private static final int MAX_TOKEN_BYTES = 4096;

    private StdinTokenLogin() {}

    static int run(Console console, Settings settings, ConfigLevel level, StudioAddress studio, List<String> teams,
            boolean json) {
        String token = readToken(console.in());
        Path file = LoginSave.save(settings, level, studio, token, teams, Optional.empty());
        TokenFileExposure.warnIfReadableByOthers(console, file);
        if (json) {
            ObjectMapper mapper = JsonOutput.mapper();
            ObjectNode document = mapper.createObjectNode();
            document.put("hostname", studio.url());
            document.put("config_file", file.toString());
            document.put("level", level.name().toLowerCase(java.util.Locale.ROOT));
            document.put("default_team", teams.size() == 1 ? teams.get(0) : null);
            JsonOutput.print(console, mapper, document);
        } else {
            console.out().println("Saved token to " + file + ".");
            DeviceLoginFlow.printTeamOutcome(console.out(), teams, file);
        }
        return 0;
    }

    static String readToken(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_TOKEN_BYTES + 1);
        } catch (IOException e) {
            throw new CommandException("Could not read the token from standard input: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_TOKEN_BYTES) {
            throw new CommandException("The input is too long to be a token (more than " + MAX_TOKEN_BYTES
                    + " bytes).");
        }
        String token = new String(bytes, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new CommandException("No token on standard input. Pipe one in, e.g."
                    + " 'datachain auth login --with-token < token.txt'.");
        }
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new CommandException("The token on standard input must be a single word on one line.");
        }
        AccessToken.problem(token).ifPresent(problem -> {
            throw new CommandException("The token on standard input is not a token: " + problem + ".");
        });
        return token;
    }
}
