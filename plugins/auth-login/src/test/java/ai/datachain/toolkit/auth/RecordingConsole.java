package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Console;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A console that keeps what is written, for the pieces that only print (the commands run on the real host). */
final class RecordingConsole implements Console {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public PrintStream out() {
        return outStream;
    }

    @Override
    public PrintStream err() {
        return errStream;
    }

    @Override
    public InputStream in() {
        return InputStream.nullInputStream();
    }

    @Override
    public int verbosity() {
        return 0;
    }

    @Override
    public boolean interactive() {
        return false;
    }
}
