package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.POST_LOGIN;
import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser flow with a real browser: Chromium, headless, is the {@code BROWSER} that
 * {@code auth login} starts. It loads the stand-in's approval page from the link it is given; the
 * test clicks the page's Approve button with the mouse, through the DevTools protocol; the login
 * then completes with the token saved. {@code scripts/test} installs Chromium where it is missing
 * (Debian, as root); where it cannot, this test is skipped and says why.
 */
class RealBrowserIT {

    private static final Duration BROWSER_START = Duration.ofSeconds(60);
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
    /** Finds the Approve button once the page has loaded and gives the middle of it, in CSS pixels. */
    private static final String APPROVE_BUTTON = "new Promise((resolve, reject) => {"
            + " const deadline = Date.now() + 15000;"
            + " (function look() {"
            + "  const button = document.querySelector('form button[type=submit]');"
            + "  if (document.readyState === 'complete' && button) {"
            + "   const box = button.getBoundingClientRect();"
            + "   resolve({x: box.left + box.width / 2, y: box.top + box.height / 2, label: button.textContent,"
            + "    code: document.querySelector('form input[name=code]').value});"
            + "  } else if (Date.now() > deadline) { reject(new Error('no Approve button on ' + location.href)); }"
            + "  else { setTimeout(look, 100); }"
            + " })();"
            + "})";

    @TempDir
    Path home;

    @Test
    void chromiumOpensTheLinkAndAClickOnApproveCompletesTheLogin() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        Assumptions.assumeTrue(chromium.isPresent(), "Chromium is not installed and could not be: scripts/test"
                + " installs it with apt-get when run as root on Debian");
        Path profile = home.resolve("chromium-profile");
        Path pidFile = home.resolve("chromium.pid");
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Process login = sandbox.runner.env("BROWSER", browser(chromium.get(), profile, pidFile).toString())
                    .start("auth", "login");
            int port = -1;
            try {
                port = devToolsPort(profile);
                String approvalPage = sandbox.studio.url() + "/auth/device-login?code=";
                try (DevToolsSession page = DevToolsSession.open(pageWebSocket(port, approvalPage))) {
                    JsonNode button = page.evaluate(APPROVE_BUTTON);
                    assertThat(button.path("label").asText()).isEqualTo("Approve");
                    assertThat(button.path("code").asText()).isEqualTo(sandbox.studio.lastUserCode().orElseThrow());
                    click(page, button.path("x").asDouble(), button.path("y").asDouble());
                }

                CommandResult result = sandbox.runner.finish(login);

                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.stdout()).startsWith("Opening link for login at " + sandbox.verificationUrl()
                        + "\n\n" + POST_LOGIN + "\nAuthentication complete. Saved token to " + sandbox.globalConfig()
                        + ".\n");
                assertThat(result.stderr()).isEqualTo(sandbox.loginTarget());
                assertThat(AuthSandbox.read(sandbox.globalConfig())).startsWith("[studio]\nurl = \""
                        + sandbox.studio.url() + "\"\ntoken = \"" + TOKEN + "\"\n");
                List<RecordedRequest> fromTheBrowser = sandbox.studio.requests().stream()
                        .filter(request -> request.header("User-Agent").orElse("").contains("HeadlessChrome")).toList();
                assertThat(fromTheBrowser).extracting(request -> request.method() + " " + request.path())
                        .contains("GET /auth/device-login?code=" + sandbox.studio.lastUserCode().orElseThrow(),
                                "POST /auth/device-login/approve");
            } finally {
                if (login.isAlive()) {
                    login.destroyForcibly();
                }
                closeChromium(port, pidFile);
            }
        }
    }

    /**
     * The BROWSER command: a script that notes Chromium's process id (so the test can end it) and
     * runs it headless, with a profile of its own, DevTools on a port it chooses, and no sandbox
     * (which Chromium cannot use as root).
     */
    private static Path browser(Path chromium, Path profile, Path pidFile) throws IOException {
        Path script = profile.getParent().resolve("headless-chromium");
        Files.writeString(script, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec '" + chromium + "' --headless"
                + " --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --no-default-browser-check"
                + " --user-data-dir='" + profile + "' --remote-debugging-port=0 \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** Chromium writes the port it chose to {@code DevToolsActivePort} in its profile. */
    private static int devToolsPort(Path profile) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + BROWSER_START.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Chromium did not start within " + BROWSER_START + " (no " + file + ")");
    }

    /** The DevTools WebSocket of the tab showing the approval page, once it is there. */
    private static String pageWebSocket(int port, String urlPrefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PAGE_LOAD.toNanos();
        JsonNode targets = null;
        while (System.nanoTime() < deadline) {
            targets = DevToolsSession.httpJson(port, "/json/list");
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page") && target.path("url").asText().startsWith(urlPrefix)) {
                    return target.path("webSocketDebuggerUrl").asText();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Chromium shows no page at " + urlPrefix + "… within " + PAGE_LOAD + ": " + targets);
    }

    /** A left click as the mouse makes it: pressed, then released, at one point. */
    private static void click(DevToolsSession page, double x, double y) throws IOException, InterruptedException {
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            page.call("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left",
                    "clickCount", type.equals("mouseMoved") ? 0 : 1));
        }
    }

    /** Asks Chromium to quit, and ends it (and its helpers) by process id if it does not. */
    private static void closeChromium(int port, Path pidFile) throws IOException, InterruptedException {
        if (port > 0) {
            try (DevToolsSession browser = DevToolsSession.open(
                    DevToolsSession.httpJson(port, "/json/version").path("webSocketDebuggerUrl").asText())) {
                browser.call("Browser.close", Map.of());
            } catch (IOException e) {
                // Already gone, or not answering: ended below.
            }
        }
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return;
        }
        try {
            process.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.get().descendants().forEach(ProcessHandle::destroyForcibly);
            process.get().destroyForcibly();
        }
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator)).flatMap(directory -> Stream.of(names)
                .map(name -> Path.of(directory, name))).filter(Files::isExecutable).findFirst();
    }
}
