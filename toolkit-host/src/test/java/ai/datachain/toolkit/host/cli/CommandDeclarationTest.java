package ai.datachain.toolkit.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import org.junit.jupiter.api.Test;

/** The checks a declaration makes on itself, so the host never sees a malformed one. */
class CommandDeclarationTest {

    @Test
    void ofSplitsTheWordsAndUsesTheSummaryAsDescription() {
        CommandDeclaration declaration = CommandDeclaration.of("auth login", "Log in.")
                .withExamples(new Example("datachain auth login", "Log in."));

        assertThat(declaration.path()).containsExactly("auth", "login");
        assertThat(declaration.description()).isEqualTo("Log in.");
        assertThat(declaration.arguments()).isEmpty();
        assertThat(declaration.withDescription("More.").description()).isEqualTo("More.");
    }

    @Test
    void usageShowsEachArity() {
        assertThat(Argument.required("KEY", "k").usage()).isEqualTo("KEY");
        assertThat(Argument.optional("NAME", "n").usage()).isEqualTo("[NAME]");
        assertThat(Argument.repeated("WORD", "w").usage()).isEqualTo("WORD...");
    }

    @Test
    void argumentsMustBeInAnOrderTheHostCanMatch() {
        CommandDeclaration team = CommandDeclaration.of("team", "Team.");
        assertThatThrownBy(() -> team.withArguments(Argument.optional("A", "a"), Argument.required("B", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("argument B of 'team' is required but follows an optional one");
        assertThatThrownBy(() -> team.withArguments(Argument.repeated("A", "a"), Argument.required("B", "b")))
                .hasMessage("argument A of 'team' is repeated, so it must be the last and follow no optional one");
        assertThatThrownBy(() -> team.withArguments(Argument.optional("A", "a"), Argument.repeated("B", "b")))
                .hasMessage("argument B of 'team' is repeated, so it must be the last and follow no optional one");
        assertThatThrownBy(() -> team.withArguments(Argument.required("A", "a"), Argument.required("A", "b")))
                .hasMessage("argument A of 'team' is declared twice");
    }

    @Test
    void wordsNamesAndTextsMustBePlain() {
        assertThatThrownBy(() -> CommandDeclaration.of("auth  login", "Two spaces."))
                .hasMessage("'' cannot be a command word");
        assertThatThrownBy(() -> CommandDeclaration.of("--help", "A flag."))
                .hasMessage("'--help' cannot be a command word");
        assertThatThrownBy(() -> CommandDeclaration.of("auth", " "))
                .hasMessage("command 'auth' needs a summary");
        assertThatThrownBy(() -> Argument.required("two words", "x"))
                .hasMessage("argument name 'two words' is not a plain word such as KEY");
        assertThatThrownBy(() -> Argument.required("KEY", ""))
                .hasMessage("argument KEY needs a help sentence");
    }
}
