package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.SettingValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.cli.Options;
import org.pf4j.Extension;

/** {@code datachain auth token}: prints the token in use, for scripts that call Studio themselves. */
@Extension
public final class TokenCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("auth token", "Print the Studio token in use.")
                .withDescription("Print the Studio token the configuration resolves to (local config over global"
                        + " over system), for scripts that call Studio themselves. Treat the output as a secret.")
                .withExamples(new Example("datachain auth token", "Print the token."),
                        new Example("datachain auth token --json", "Print {\"token\": ...} for a script."));
    }

    @Override
    public Options options() {
        return new Options().addOption(JsonOutput.option());
    }

    @Override
    public int run(Invocation invocation) {
        String token = invocation.config().getOptionalValue(StudioKeys.TOKEN, String.class)
                .filter(t -> !t.isBlank()).orElseThrow(NotLoggedIn::new);
        AccessToken.stored(token, () -> invocation.settings().value(StudioKeys.TOKEN).map(SettingValue::location)
                .orElse("the configuration"));
        if (invocation.commandLine().hasOption(JsonOutput.OPTION)) {
            ObjectMapper mapper = JsonOutput.mapper();
            JsonOutput.print(invocation.console(), mapper, mapper.createObjectNode().put("token", token));
        } else {
            invocation.console().out().println(token);
        }
        return 0;
    }
}
