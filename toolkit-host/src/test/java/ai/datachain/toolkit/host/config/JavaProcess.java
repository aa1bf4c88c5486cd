package ai.datachain.toolkit.host.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of these tests in a new JVM, with the same classes. */
final class JavaProcess {

    private JavaProcess() {}

    static Process start(Class<?> main, String... args) throws IOException {
        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        classPath.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String property : new String[] {"java.class.path", "jdk.module.path"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                classPath.add(value);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                String.join(File.pathSeparator, classPath), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
