package ai.datachain.toolkit.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RootFlagsTest {

    @Test
    void flagsBeforeTheFirstWordAreConsumed() throws UsageError {
        RootFlags flags = RootFlags.parse(new String[] {"-vv", "--quiet", "auth", "login", "-v"});

        assertThat(flags.common()).isEqualTo(new CommonFlags(1, false));
        assertThat(flags.words()).containsExactly("auth", "login", "-v");
    }

    @Test
    void helpAndVersionAreRecognised() throws UsageError {
        assertThat(RootFlags.parse(new String[] {"-h"}).common().help()).isTrue();
        assertThat(RootFlags.parse(new String[] {"-qh"}).common()).isEqualTo(new CommonFlags(-1, true));
        assertThat(RootFlags.parse(new String[] {"--version"}).version()).isTrue();
    }

    @Test
    void doubleDashEndsTheFlags() throws UsageError {
        RootFlags flags = RootFlags.parse(new String[] {"--", "-v"});

        assertThat(flags.words()).containsExactly("-v");
        assertThat(flags.common().verbosity()).isZero();
    }

    @Test
    void aLoneDashIsAWord() throws UsageError {
        assertThat(RootFlags.parse(new String[] {"-v", "-"}).words()).isEqualTo(List.of("-"));
    }

    @Test
    void anUnknownFlagIsRefusedWhole() {
        assertThatThrownBy(() -> RootFlags.parse(new String[] {"-x"}))
                .isInstanceOf(UsageError.class)
                .hasMessage("unknown option '-x' for 'datachain'");
        // Not -v followed by a command word "x".
        assertThatThrownBy(() -> RootFlags.parse(new String[] {"-vx", "auth"}))
                .hasMessage("unknown option '-vx' for 'datachain'");
    }

    @Test
    void aLongFlagIsNeverAbbreviatedButATypoIsNamed() {
        assertThatThrownBy(() -> RootFlags.parse(new String[] {"--verbos"}))
                .hasMessage("unknown option '--verbos' for 'datachain'. Did you mean '--verbose'?");
    }
}
