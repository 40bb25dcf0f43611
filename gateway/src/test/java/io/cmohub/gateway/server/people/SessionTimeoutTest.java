package io.cmohub.gateway.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An idle session ends after {@code server.servlet.session.timeout}, to the second; an active one does not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SessionTimeoutTest {
    static final Path DATA_DIR = PeopleTest.newDataDir();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmohub.data-dir", DATA_DIR::toString);
        registry.add("server.servlet.session.timeout", () -> "3s");
    }

    @Test
    void anIdleSessionEndsAfterTheTimeoutAndTheNextRequestIsAnonymous() throws Exception {
        BrowserSession browser = new BrowserSession("http://127.0.0.1:" + port);
        browser.loginAndReadMe("cmohub-admin", Files.readString(DATA_DIR.resolve("initial-admin-password")).trim());
        for (int i = 0; i < 3; i++) { // 4.5 s in all, never 3 s idle
            Thread.sleep(1_500);
            assertThat(browser.get("/api/v1/me").statusCode()).as("used within the timeout").isEqualTo(200);
        }
        Thread.sleep(Duration.ofSeconds(4).toMillis());
        assertThat(browser.get("/api/v1/me").statusCode()).as("idle for longer than 3 s").isEqualTo(401);
    }

    @Test
    void theBoardRefreshingItselfDoesNotKeepAnUnattendedSessionAlive() throws Exception {
        BrowserSession browser = new BrowserSession("http://127.0.0.1:" + port);
        browser.loginAndReadMe("cmohub-admin", Files.readString(DATA_DIR.resolve("initial-admin-password")).trim());
        // the first test has not changed the generated password: the console sends the person to the account page, which is activity
        assertThat(browser.get("/console/account").statusCode()).isEqualTo(200);
        java.net.http.HttpResponse<String> refresh = null;
        for (int i = 0; i < 8; i++) { // a refresh every second, like the board's every 30 s, but nothing the person does
            Thread.sleep(1_000);
            refresh = browser.getWith("/console/account", java.util.Map.of("HX-Request", "true"));
            if (refresh.statusCode() != 200) {
                break;
            }
        }
        assertThat(refresh.statusCode()).as("a background refresh after 3 s without activity").isEqualTo(401);
        assertThat(refresh.headers().firstValue("HX-Redirect").orElseThrow()).isEqualTo("/login");
        assertThat(browser.get("/api/v1/me").statusCode()).as("the session is gone").isEqualTo(401);
    }
}
