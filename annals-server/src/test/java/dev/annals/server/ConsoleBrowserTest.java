package dev.annals.server;

import dev.annals.audit.AuditReport;
import dev.annals.decider.CommandMessage;
import dev.annals.decider.CommandOutcome;
import dev.annals.decider.EntityTypes;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.projection.FailurePolicy;
import dev.annals.projection.Projection;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.projection.RelayReport;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.server.command.CommandRegistry;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ReadSource;
import dev.annals.store.memory.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console end to end in headless Chromium: the live tail shows an append; a dead letter is retried;
 * an event's correlation chain links to its cause; the history slider shows an entity's past state; the
 * lag charts draw; a command is rejected, then accepted, from the commands tab.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ConsoleBrowserTest {

    @TempDir
    Path profile;

    @BeforeAll
    static void chromium() throws Exception {
        HeadlessChromium.install();
    }

    @Test
    void shows_an_append_in_the_live_tail_and_retries_a_dead_letter_with_its_button() throws Exception {
        var cured = new AtomicBoolean();
        try (var store = new InMemoryEventStore()) {
            var projections = new InMemoryProjectionStore();
            long poison = store.append("counter-1", ExpectedVersion.any(), CounterEvent.poison("bad"))
                    .position();
            var projection = Projection.<RecordedEvent>builder("totals")
                    .source(new ReadSource.Category("counter"))
                    .events(CounterEvent.CODEC)
                    .on(CounterEvent.Counted.class, (event, recorded) -> {})
                    .on(CounterEvent.Poison.class, (event, recorded) -> {
                        if (!cured.get()) {
                            throw new IllegalStateException("refused: " + event.why());
                        }
                    })
                    .build();
            try (var runner = ProjectionRunner.start(
                            projection,
                            store,
                            projections,
                            ProjectionOptions.defaults()
                                    .withOnFailure(FailurePolicy.SKIP)
                                    .withSleeper(wait -> {})
                                    .withControlInterval(Duration.ofMillis(50)));
                    var server = AnnalsServer.builder(store)
                            .options(ServerOptions.defaults().withPort(0))
                            .projections(projections)
                            .start()) {
                runner.awaitPosition(poison, Duration.ofSeconds(10));
                ChromeDriver browser = HeadlessChromium.start(profile);
                try {
                    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    browser.get(server.uri().toString());
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stream-list"), "counter-1"));

                    browser.findElement(By.cssSelector("nav button[data-tab=tail]"))
                            .click();
                    wait.until(ExpectedConditions.textToBe(By.id("tail-status"), "live"));
                    new HttpTestClient(server.uri())
                            .post(
                                    "/streams/account-9",
                                    "{\"events\":[{\"type\":\"AccountOpened\",\"data\":{\"owner\":\"Zoe\"}}]}");
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tail-events"), "account-9"));
                    screenshot(browser, "console-live-tail.png");

                    browser.findElement(By.cssSelector("nav button[data-tab=dead-letters]"))
                            .click();
                    wait.until(
                            ExpectedConditions.textToBePresentInElementLocated(By.id("letter-list"), "refused: bad"));
                    screenshot(browser, "console-dead-letters.png");
                    cured.set(true);
                    browser.findElement(By.cssSelector("#letter-list button[data-do=retry]"))
                            .click();

                    await().atMost(Duration.ofSeconds(20)).until(() -> projections
                            .deadLetters(Optional.of("totals"))
                            .isEmpty());
                    wait.until(ExpectedConditions.not(
                            ExpectedConditions.textToBePresentInElementLocated(By.id("letter-list"), "refused: bad")));
                    assertThat(browser.findElement(By.id("tail-events")).getDomProperty("textContent"))
                            .contains("AccountOpened");
                } finally {
                    browser.quit();
                }
            }
        }
    }

    @Test
    void shows_an_events_correlation_chain_and_an_entitys_state_along_its_history() throws Exception {
        try (var store = new InMemoryEventStore()) {
            var counters = CounterEvent.ENTITY.handler(store);
            var order = Metadata.empty().withCorrelationId("order-1");
            var opened =
                    (CommandOutcome.Accepted<CounterEvent>) counters.handle("counter-7", CommandMessage.of(5L, order));
            store.append(
                    "counter-8",
                    ExpectedVersion.any(),
                    CounterEvent.CODEC.encode(
                            new CounterEvent.Counted(2),
                            order.withCausationId(opened.eventIds().getFirst().toString())));
            counters.handle("counter-7", 10L);
            long head = ((CommandOutcome.Accepted<CounterEvent>) counters.handle("counter-7", 20L)).position();
            var projections = new InMemoryProjectionStore();
            var projection = Projection.<RecordedEvent>builder("totals")
                    .source(new ReadSource.Category("counter"))
                    .events(CounterEvent.CODEC)
                    .on(CounterEvent.Counted.class, (event, recorded) -> {})
                    .build();
            try (var runner = ProjectionRunner.start(
                            projection,
                            store,
                            projections,
                            ProjectionOptions.defaults().withControlInterval(Duration.ofMillis(50)));
                    var server = AnnalsServer.builder(store)
                            .options(ServerOptions.defaults().withPort(0))
                            .projections(projections)
                            .entities(EntityTypes.of(CounterEvent.ENTITY))
                            .commands(CommandRegistry.empty()
                                    .with("add", CommandRoutesTest.Add.class, CommandRoutesTest.TALLY)
                                    .with("label", CommandRoutesTest.Label.class, CommandRoutesTest.TALLY))
                            // The console's part only: AuditRoutesTest runs the real chain over HTTP.
                            .audit(() -> new AuditReport(4, 0, OptionalLong.empty(), "", "ab".repeat(32), 4))
                            .start()) {
                runner.awaitPosition(head, Duration.ofSeconds(10));
                ChromeDriver browser = HeadlessChromium.start(profile);
                try {
                    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    browser.get(server.uri().toString());
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stream-list"), "counter-8"));
                    browser.findElement(By.xpath("//table[@id='stream-list']//td[text()='counter-8']"))
                            .click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "Counted"));
                    browser.findElement(By.cssSelector("#events tbody tr")).click();

                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain"), "caused by #1"));
                    assertThat(browser.findElement(By.id("chain")).getText())
                            .contains("#1 Counted", "counter-7@0", "#2 Counted", "counter-8@0");
                    screenshot(browser, "console-correlation-chain.png");
                    browser.findElement(By.id("causing-event")).click();
                    wait.until(ExpectedConditions.textToBe(By.id("inspector-title"), "Counted — counter-7@0"));
                    browser.findElement(By.id("close-inspector")).click();

                    browser.findElement(By.cssSelector("nav button[data-tab=state]"))
                            .click();
                    browser.findElement(By.id("entity")).sendKeys("counter-7", Keys.ENTER);
                    wait.until(ExpectedConditions.textToBe(By.id("state-json"), "35"));
                    browser.findElement(By.id("version")).sendKeys(Keys.HOME);
                    wait.until(ExpectedConditions.textToBe(By.id("state-json"), "5"));
                    assertThat(browser.findElement(By.id("version-label")).getText())
                            .contains("version 0 of 2");
                    browser.findElement(By.id("version")).sendKeys(Keys.ARROW_RIGHT);
                    wait.until(ExpectedConditions.textToBe(By.id("state-json"), "15"));
                    screenshot(browser, "console-entity-state.png");

                    browser.findElement(By.cssSelector("nav button[data-tab=commands]"))
                            .click();
                    browser.findElement(By.id("command-stream")).sendKeys("tally-1");
                    browser.findElement(By.cssSelector("#command-fields input[data-field=amount]"))
                            .sendKeys("-1");
                    browser.findElement(By.id("send-command")).click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("command-result"), "amount must be positive"));
                    browser.findElement(By.cssSelector("#command-fields input[data-field=amount]"))
                            .clear();
                    browser.findElement(By.cssSelector("#command-fields input[data-field=amount]"))
                            .sendKeys("4");
                    browser.findElement(By.id("send-command")).click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("command-result"), "accepted"));
                    assertThat(store.readStream("tally-1").findFirst())
                            .hasValueSatisfying(
                                    event -> assertThat(event.payloadAsString()).isEqualTo("{\"amount\":4}"));
                    // A text field that looks like a number goes as text, a flag as a boolean: the server coerces
                    // nothing.
                    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("command-name")))
                            .selectByVisibleText("label");
                    browser.findElement(By.cssSelector("#command-fields input[data-field=text]"))
                            .sendKeys("42");
                    browser.findElement(By.cssSelector("#command-fields input[data-field=loud]"))
                            .sendKeys("true");
                    browser.findElement(By.id("send-command")).click();
                    wait.until(
                            ExpectedConditions.textToBePresentInElementLocated(By.id("command-result"), "label 42!"));

                    browser.findElement(By.cssSelector("nav button[data-tab=projections]"))
                            .click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lag-events canvas")));
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projection-list"), "totals"));
                    screenshot(browser, "console-projections.png");
                    // With one sample uPlot widened its own min and max by 5 % of the time itself: the axis said 2029.
                    @SuppressWarnings("unchecked")
                    var span = (java.util.List<Number>) browser.executeAsyncScript("const done = arguments[0];"
                            + " const plot = charts.events.plot; plot.setData([[Date.now() / 1000], [1]]);"
                            + " setTimeout(() => done([plot.scales.x.min, plot.scales.x.max]), 200);");
                    double now = System.currentTimeMillis() / 1000.0;
                    assertThat(span.get(1).doubleValue()).isCloseTo(now, org.assertj.core.api.Assertions.within(60.0));
                    assertThat(span.get(1).doubleValue() - span.get(0).doubleValue())
                            .isBetween(30.0, 240.0);

                    browser.findElement(By.cssSelector("nav button[data-tab=integrity]"))
                            .click();
                    browser.findElement(By.id("verify")).click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("audit-report"),
                            "intact: 4 event(s) verified, 0 newly sealed; head position 4, head hash abab"));
                } finally {
                    browser.quit();
                }
            }
        }
    }

    @Test
    void shows_the_relays_the_server_runs_with_checkpoint_lag_and_rate() throws Exception {
        try (var store = new InMemoryEventStore()) {
            var builder =
                    AnnalsServer.builder(store).options(ServerOptions.defaults().withPort(0));
            builder.relays(() -> java.util.List.of(
                    new RelayReport("orders", "active", 4012, 4015, 3, 0.25, 812, 4012, "", java.time.Instant.now())));
            try (var server = builder.start()) {
                ChromeDriver browser = HeadlessChromium.start(profile);
                try {
                    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    browser.get(server.uri().toString());
                    browser.findElement(By.cssSelector("nav button[data-tab=projections]"))
                            .click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("relay-list"), "orders"));

                    var cells = browser.findElements(By.cssSelector("#relay-list tbody td")).stream()
                            .map(cell -> cell.getText())
                            .toList();
                    assertThat(cells).startsWith("orders", "active", "4012", "3", "0.25", "812.0");
                    assertThat(browser.findElement(By.id("relay-list")).isDisplayed())
                            .isTrue();
                } finally {
                    browser.quit();
                }
            }
        }
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
