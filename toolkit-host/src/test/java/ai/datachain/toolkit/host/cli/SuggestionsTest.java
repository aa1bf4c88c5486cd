package ai.datachain.toolkit.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> COMMANDS = List.of("login", "logout", "token", "team", "status");

    @Test
    void aTypoFindsTheIntendedWord() {
        assertThat(Suggestions.closest("lgin", COMMANDS)).contains("login");
        assertThat(Suggestions.closest("tokne", COMMANDS)).contains("token");
        assertThat(Suggestions.closest("statsu", COMMANDS)).contains("status");
    }

    @Test
    void aPrefixFindsTheWordItStarts() {
        assertThat(Suggestions.closest("stat", COMMANDS)).contains("status");
    }

    @Test
    void somethingUnrelatedFindsNothing() {
        assertThat(Suggestions.closest("deploy", COMMANDS)).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsATranspositionAsOneEdit() {
        assertThat(Suggestions.distance("team", "taem")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
