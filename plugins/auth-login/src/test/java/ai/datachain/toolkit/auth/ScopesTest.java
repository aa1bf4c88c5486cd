package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.CommandException;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void trimsUpperCasesAndKeepsOrder() {
        assertThat(Scopes.parse("datasets, Experiments ,MODELS")).containsExactly("DATASETS", "EXPERIMENTS", "MODELS");
    }

    @Test
    void dropsDuplicatesAndEmptyEntries() {
        assertThat(Scopes.parse("DATASETS,,datasets,")).containsExactly("DATASETS");
    }

    @Test
    void namesEveryInvalidScopeAsTyped() {
        assertThatThrownBy(() -> Scopes.parse("DATASETS,foo, Bar baz ,MODELS"))
                .isInstanceOf(CommandException.class)
                .isInstanceOf(LoginFailure.class)
                .hasMessage("Failed to authenticate with Studio: Following scopes are not valid: foo, Bar baz")
                .extracting(e -> ((CommandException) e).exitCode()).isEqualTo(1);
    }

    @Test
    void anEmptyListIsAUsageError() {
        assertThatThrownBy(() -> Scopes.parse(" , "))
                .isInstanceOf(CommandException.class)
                .extracting(e -> ((CommandException) e).exitCode()).isEqualTo(2);
    }
}
