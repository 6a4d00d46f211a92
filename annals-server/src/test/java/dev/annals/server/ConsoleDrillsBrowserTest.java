package dev.annals.server;

import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's drills tab in headless Chromium: no report yet, then the last drill's table and violations. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConsoleDrillsBrowserTest {

    private static final String FAILED = """
            {"finishedAt":"2026-12-03T14:00:00Z","machine":"2 processors, Linux","passed":false,"drills":[
             {"drill":"kill-writer","outcome":"passed","reason":"","faults":3,"acknowledged":120,"lost":0,
              "duplicated":0,"recovery":{"p50Millis":900,"p99Millis":1500,"maxMillis":1600},
              "violationCount":0,"violations":[]},
             {"drill":"kill-projection","outcome":"failed","reason":"","faults":2,"acknowledged":80,"lost":0,
              "duplicated":1,"recovery":{"p50Millis":40,"p99Millis":70,"maxMillis":70},"violationCount":1,
              "violations":["read model balances differs from a clean rebuild at position 77"]}]}
            """;

    @TempDir
    Path profile;

    @TempDir
    Path data;

    @BeforeAll
    static void chromium() throws Exception {
        HeadlessChromium.install();
    }

    @Test
    void says_when_no_drill_ran_and_then_shows_the_last_drills_figures_and_violations() throws Exception {
        try (var store = new InMemoryEventStore();
                var server = AnnalsServer.builder(store)
                        .options(ServerOptions.defaults().withPort(0))
                        .dataDirectory(data)
                        .start()) {
            ChromeDriver browser = HeadlessChromium.start(profile);
            try {
                var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(server.uri() + "#drills");
                wait.until(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("drill-summary"), "no drill report"));

                Files.writeString(data.resolve("last-drill.json"), FAILED);
                browser.findElement(By.cssSelector("nav button[data-tab=drills]"))
                        .click();

                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drill-list"), "kill-projection"));
                assertThat(browser.findElement(By.id("drill-summary")).getText())
                        .startsWith("failed: finished")
                        .endsWith("on 2 processors, Linux");
                var rows = browser.findElements(By.cssSelector("#drill-list tbody tr"));
                assertThat(rows).hasSize(2);
                assertThat(rows.get(0).getText()).isEqualTo("kill-writer passed 3 120 0 0 900 / 1500 / 1600 0");
                assertThat(rows.get(1).getText()).isEqualTo("kill-projection failed 2 80 0 1 40 / 70 / 70 1");
                assertThat(browser.findElement(By.id("drill-violations")).getText())
                        .isEqualTo("kill-projection: read model balances differs from a clean rebuild at position 77");
            } finally {
                browser.quit();
            }
        }
    }
}
