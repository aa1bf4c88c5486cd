package ai.datachain.toolkit.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;

class RootFlagsTest {

    @Test
    void flagsBeforeTheFirstWordAreConsumed() throws ParseException {
        RootFlags flags = RootFlags.parse(new String[] {"-vv", "--quiet", "auth", "login", "-v"});

        assertThat(flags.verbosity()).isEqualTo(1);
        assertThat(flags.consumed()).isEqualTo(2);
        assertThat(flags.help()).isFalse();
    }

    @Test
    void helpAndVersionAreRecognised() throws ParseException {
        assertThat(RootFlags.parse(new String[] {"-h"}).help()).isTrue();
        assertThat(RootFlags.parse(new String[] {"--version"}).version()).isTrue();
    }

    @Test
    void doubleDashEndsTheFlags() throws ParseException {
        RootFlags flags = RootFlags.parse(new String[] {"--", "-v"});

        assertThat(flags.consumed()).isEqualTo(1);
        assertThat(flags.verbosity()).isZero();
    }

    @Test
    void anUnknownFlagIsRefused() {
        assertThatThrownBy(() -> RootFlags.parse(new String[] {"-x"}))
                .isInstanceOf(ParseException.class)
                .hasMessage("unknown option '-x' for 'datachain'");
    }
}
