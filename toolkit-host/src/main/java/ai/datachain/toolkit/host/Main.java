package ai.datachain.toolkit.host;

/** The {@code datachain} process entry point. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(Toolkit.forThisProcess().run(args));
    }
}
