package ai.datachain.toolkit.host.cli;

import org.apache.commons.cli.ParseException;

/**
 * The flags given before the first command word: {@code datachain -v auth login}.
 *
 * @param verbosity count of {@code -v} minus count of {@code -q}
 * @param help {@code -h} or {@code --help} was given
 * @param version {@code --version} was given
 * @param consumed how many arguments the flags took
 */
record RootFlags(int verbosity, boolean help, boolean version, int consumed) {

    static RootFlags parse(String[] args) throws ParseException {
        int verbosity = 0;
        boolean help = false;
        boolean version = false;
        int index = 0;
        for (; index < args.length && args[index].startsWith("-"); index++) {
            String arg = args[index];
            switch (arg) {
                case "--help" -> help = true;
                case "--version" -> version = true;
                case "--verbose" -> verbosity++;
                case "--quiet" -> verbosity--;
                case "--" -> {
                    return new RootFlags(verbosity, help, version, index + 1);
                }
                default -> {
                    if (!arg.matches("-[hvq]+")) {
                        throw new ParseException("unknown option '" + arg + "' for 'datachain'");
                    }
                    for (char flag : arg.substring(1).toCharArray()) {
                        switch (flag) {
                            case 'h' -> help = true;
                            case 'v' -> verbosity++;
                            default -> verbosity--;
                        }
                    }
                }
            }
        }
        return new RootFlags(verbosity, help, version, index);
    }
}
