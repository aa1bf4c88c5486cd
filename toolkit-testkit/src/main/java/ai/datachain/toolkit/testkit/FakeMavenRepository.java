package ai.datachain.toolkit.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Maven repository on 127.0.0.1 for tests: files laid out as Maven lays them out, each published
 * file with {@code .sha1}, {@code .md5} and {@code .sha256} checksums beside it, and a
 * {@code maven-metadata.xml} per artifact listing its versions. Tests publish plugin archives into it
 * and point {@code plugins.repositories} at {@link #uri()}; {@link #requests()} shows what was asked.
 */
public final class FakeMavenRepository implements AutoCloseable {

    private static final Map<String, String> CHECKSUMS = Map.of("sha1", "SHA-1", "md5", "MD5", "sha256", "SHA-256");

    private final Path root;
    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Set<String>> versions = new TreeMap<>();

    private FakeMavenRepository(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * Serves an empty repository from a new temporary directory.
     *
     * @return the running repository on 127.0.0.1; close it when done
     */
    public static FakeMavenRepository start() {
        try {
            return new FakeMavenRepository(Files.createTempDirectory("fake-maven-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repository's base URL, e.g. {@code http://127.0.0.1:43210/maven2/}.
     *
     * @return the URL, ending in {@code /}
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maven2/");
    }

    /**
     * The directory the repository serves.
     *
     * @return the directory, laid out as a Maven repository
     */
    public Path root() {
        return root;
    }

    /**
     * Publishes a file as {@code groupId:artifactId:version} with an optional classifier (e.g.
     * {@code plugin}, or null) and extension (e.g. {@code zip}), with its checksums, and lists the
     * version in the artifact's metadata.
     *
     * @return the published file inside {@link #root()}
     *
     * @param groupId the Maven group, e.g. {@code com.example}
     * @param artifactId the Maven id
     * @param version the version; added to the metadata's list
     * @param classifier the classifier, or null for none
     * @param extension the extension, without the dot
     * @param file the bytes to publish; copied
     */
    public Path publish(String groupId, String artifactId, String version, String classifier, String extension,
            Path file) {
        try {
            Path directory = artifactDirectory(groupId, artifactId).resolve(version);
            Files.createDirectories(directory);
            String name = artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + extension;
            Path published = Files.copy(file, directory.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            writeChecksums(published);
            versions.computeIfAbsent(groupId + ":" + artifactId, key -> new LinkedHashSet<>()).add(version);
            Path metadata = artifactDirectory(groupId, artifactId).resolve("maven-metadata.xml");
            Files.writeString(metadata, metadata(groupId, artifactId, versions.get(groupId + ":" + artifactId)));
            writeChecksums(metadata);
            return published;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces every checksum of a published file with one of other bytes.
     *
     * @param published a file {@link #publish} returned
     */
    public void breakChecksums(Path published) {
        for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
            write(published.resolveSibling(published.getFileName() + "." + checksum.getKey()),
                    digest(checksum.getValue(), "not the published bytes".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Deletes every checksum file of a published file.
     *
     * @param published a file {@link #publish} returned
     */
    public void removeChecksums(Path published) {
        try {
            for (String extension : CHECKSUMS.keySet()) {
                Files.deleteIfExists(published.resolveSibling(published.getFileName() + "." + extension));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The paths asked for, in order, e.g. {@code /maven2/com/example/hello/maven-metadata.xml}.
     *
     * @return a copy
     */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            Path file = path.startsWith("/maven2/") ? root.resolve(path.substring("/maven2/".length())).normalize() : null;
            boolean head = exchange.getRequestMethod().equals("HEAD");
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (head) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Path artifactDirectory(String groupId, String artifactId) {
        return root.resolve(groupId.replace('.', '/')).resolve(artifactId);
    }

    private static void writeChecksums(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
            write(file.resolveSibling(file.getFileName() + "." + checksum.getKey()), digest(checksum.getValue(), bytes));
        }
    }

    private static String metadata(String groupId, String artifactId, Set<String> versions) {
        List<String> all = new ArrayList<>(versions);
        String latest = all.get(all.size() - 1);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n")
                .append("  <groupId>").append(groupId).append("</groupId>\n")
                .append("  <artifactId>").append(artifactId).append("</artifactId>\n")
                .append("  <versioning>\n    <latest>").append(latest).append("</latest>\n")
                .append("    <release>").append(latest).append("</release>\n    <versions>\n");
        all.forEach(version -> xml.append("      <version>").append(version).append("</version>\n"));
        return xml.append("    </versions>\n    <lastUpdated>20261201000000</lastUpdated>\n  </versioning>\n</metadata>\n")
                .toString();
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
