package ai.datachain.toolkit.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.CommandDeclaration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredArgumentsTest {

    private static final CommandDeclaration SET = CommandDeclaration.of("config set", "Set.")
            .withArguments(Argument.required("KEY", "The key."), Argument.required("VALUE", "The value."));
    private static final CommandDeclaration TEAM = CommandDeclaration.of("auth team", "Team.")
            .withArguments(Argument.optional("NAME", "The team."));
    private static final CommandDeclaration ECHO = CommandDeclaration.of("echo", "Echo.")
            .withArguments(Argument.required("FIRST", "The first."), Argument.repeated("WORD", "More."));
    private static final CommandDeclaration UPDATE = CommandDeclaration.of("plugins update", "Update.")
            .withArguments(Argument.any("ID", "A plugin."));

    @Test
    void missingArgumentsAreNamedWithWhatWasGiven() {
        assertThatThrownBy(() -> DeclaredArguments.check(SET, List.of("studio.team")))
                .isInstanceOf(UsageError.class)
                .hasMessage("expected KEY and VALUE, got 1 argument: studio.team");
        assertThatThrownBy(() -> DeclaredArguments.check(SET, List.of()))
                .hasMessage("expected KEY and VALUE, got none");
        assertThatThrownBy(() -> DeclaredArguments.check(ECHO, List.of("a")))
                .hasMessage("expected FIRST and WORD..., got 1 argument: a");
    }

    @Test
    void theFirstWordTooManyIsNamed() {
        assertThatThrownBy(() -> DeclaredArguments.check(SET, List.of("a.b", "c", "d")))
                .hasMessage("unexpected argument 'd'");
        assertThatThrownBy(() -> DeclaredArguments.check(TEAM, List.of("one", "two")))
                .hasMessage("unexpected argument 'two'");
        assertThatThrownBy(() -> DeclaredArguments.check(CommandDeclaration.of("auth token", "Token."), List.of("x")))
                .hasMessage("unexpected argument 'x'");
    }

    @Test
    void optionalAndRepeatedArgumentsTakeWhatTheyPromise() {
        assertThatCode(() -> DeclaredArguments.check(TEAM, List.of())).doesNotThrowAnyException();
        assertThatCode(() -> DeclaredArguments.check(TEAM, List.of("ml-team"))).doesNotThrowAnyException();
        assertThatCode(() -> DeclaredArguments.check(ECHO, List.of("a", "b", "c", "d"))).doesNotThrowAnyException();
        assertThatCode(() -> DeclaredArguments.check(UPDATE, List.of())).doesNotThrowAnyException();
        assertThatCode(() -> DeclaredArguments.check(UPDATE, List.of("a", "b"))).doesNotThrowAnyException();
    }

    @Test
    void usageLinesShowWhatMayBeLeftOut() {
        assertThat(Argument.any("ID", "A plugin.").usage()).isEqualTo("[ID...]");
        assertThat(Argument.repeated("ID", "A plugin.").usage()).isEqualTo("ID...");
    }
}
