package ai.datachain.toolkit.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the {@link FakeStudio} on its own, on 127.0.0.1, for trying {@code datachain auth login}
 * without a Studio account:
 *
 * <pre>java -cp ... ai.datachain.toolkit.testkit.StudioStandIn --port 8765 --auto-approve</pre>
 *
 * then {@code datachain auth login -H http://127.0.0.1:8765}. Without {@code --auto-approve},
 * approve on the page the login opens. Stops on Ctrl-C or SIGTERM.
 */
public final class StudioStandIn {

    private static final String USAGE = "Usage: StudioStandIn [--port N] [--auto-approve] [--interval SECONDS]"
            + " [--expires-in SECONDS]";

    private StudioStandIn() {}

    /**
     * Starts the stand-in and serves until the process is stopped; a bad argument prints the usage and exits with 2.
     *
     * @param args {@code --port N}, {@code --auto-approve}, {@code --interval SECONDS}, {@code --expires-in SECONDS}
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        boolean autoApprove = false;
        Double interval = null;
        Duration lifetime = Duration.ofMinutes(15);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--auto-approve" -> autoApprove = true;
                    case "--interval" -> interval = Double.parseDouble(value(args, ++i));
                    case "--expires-in" -> lifetime = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }

        FakeStudio studio = FakeStudio.start(port, "").autoApprove(autoApprove).interval(interval)
                .codeLifetime(lifetime).onEvent(event -> {
                    System.out.println(event);
                    System.out.flush();
                });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            studio.close();
            stopped.countDown();
        }));
        System.out.println("Studio stand-in listening on " + studio.url()
                + (autoApprove ? " (approving every login at once)" : ""));
        System.out.println("Log in with: datachain auth login -H " + studio.url());
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
