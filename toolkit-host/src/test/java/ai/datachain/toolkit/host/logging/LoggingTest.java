package ai.datachain.toolkit.host.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingTest {

    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setErr(realErr);
        Logging.configure(0);
    }

    private String logAll(Logger logger) {
        err.reset();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        logger.debug("detail {}", 1);
        logger.info("news");
        logger.error("trouble", new IllegalStateException("why"));
        System.setErr(realErr);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slf4jLogsThroughTheHostsStderrLogger() {
        assertThat(LoggerFactory.getILoggerFactory().getLogger("x")).isInstanceOf(StderrLogger.class);
    }

    @Test
    void aLoggerMadeBeforeTheVerbosityIsKnownFollowsItAfterwards() {
        Logging.configure(0);
        Logger logger = LoggerFactory.getLogger("early.library");

        assertThat(logAll(logger)).isEmpty();

        Logging.configure(1);
        assertThat(logAll(logger)).startsWith("[main] INFO early.library - news\n"
                + "[main] ERROR early.library - trouble\njava.lang.IllegalStateException: why\n");

        Logging.configure(2);
        assertThat(logAll(logger)).startsWith("[main] DEBUG early.library - detail 1\n[main] INFO early.library - news\n");

        Logging.configure(-1);
        assertThat(logAll(logger)).isEmpty();
    }
}
