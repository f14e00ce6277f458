package io.smartbuilding.api.operator;

import static io.smartbuilding.api.testing.StoredItems.alert;
import static io.smartbuilding.api.testing.StoredItems.building;
import static io.smartbuilding.api.testing.StoredItems.device;
import static io.smartbuilding.api.testing.StoredItems.n;
import static io.smartbuilding.api.testing.StoredItems.s;
import static io.smartbuilding.contracts.alert.AlertStatus.OPEN;
import static io.smartbuilding.contracts.alert.AlertType.OFFLINE;
import static io.smartbuilding.contracts.alert.AlertType.OVERHEAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.api.security.Role;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.StoredTime;
import io.smartbuilding.contracts.telemetry.DeviceType;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operator page that query-api serves at /operator/, in Debian's headless Chromium driven by
 * Debian's chromedriver (named explicitly, so Selenium Manager never looks for a driver online),
 * against the API and a real dynalite: what an operator sees for each role, live alerts over the
 * fetch-based SSE client (its parser and watchdog run in the browser too), auth errors, alert
 * messages rendered as text, and the page's security headers.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class OperatorPageIT {

  /** Debian's packages (apt-get install chromium chromium-driver); elsewhere set the properties. */
  private static final Path CHROMIUM =
      Path.of(System.getProperty("operator.chromium", "/usr/bin/chromium"));

  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("operator.chromedriver", "/usr/bin/chromedriver"));

  private static final Path SCREENSHOT = Path.of("target/operator-page.png");
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.250Z");
  private static final String B1_ALERT = AlertTable.alertId("ch-01", "OVERHEAT", T0.toEpochMilli());
  private static final String HOSTILE_MESSAGE =
      "<img src=x onerror=\"window.operatorXss=1\"> temperatureC 35.0 above limit 28.0";

  /** Each page gets a subject of its own, so no test meets the per-subject stream cap. */
  private static final AtomicInteger SUBJECTS = new AtomicInteger();

  private static ChromeDriverService service;
  private static WebDriver driver;
  private static Path profile;

  @TestHTTPResource("/operator/")
  URL page;

  @Inject TestTables tables;
  @Inject DynamoDbClient dynamo;

  @BeforeAll
  static void startBrowser() throws IOException {
    for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
      assertThat(Files.isExecutable(executable))
          .as(
              "%s is missing: apt-get install -y chromium chromium-driver, or point"
                  + " -Doperator.chromium / -Doperator.chromedriver at a matching pair",
              executable)
          .isTrue();
    }
    profile =
        Files.createTempDirectory(Path.of("target").toAbsolutePath(), "operator-chromium-");
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(new File("target/operator-chromedriver.log"))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--user-data-dir=" + profile);
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      throw e;
    }
  }

  /** Ends Chromium (quit) and chromedriver (stop), whatever the tests did. */
  @AfterAll
  static void stopBrowser() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (service != null) {
        service.stop();
      }
      deleteProfile();
    }
  }

  /** Chromium's fresh profile, once Chromium is gone (best effort: it is under target/ anyway). */
  private static void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (var paths = Files.walk(profile)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left for mvn clean
    }
  }

  @BeforeEach
  void seed() {
    tables.clear();
    tables.putBuildings(
        List.of(
            building("b1", List.of(0, 3), List.of("north"), 3, T0),
            building("b2", List.of(1), List.of("east"), 2, T0)));
    Instant seen = Instant.now().minusSeconds(30);
    tables.putDevices(
        List.of(
            device("ahu-01", "b1", 3, "north", DeviceType.AIR_HANDLER, DeviceStatus.OK, seen),
            device("ch-01", "b1", 0, "north", DeviceType.CHILLER, DeviceStatus.FAULT, seen),
            device("zs-07", "b1", 3, "north", DeviceType.ZONE_SENSOR, DeviceStatus.OFFLINE, seen),
            device("ahu-21", "b2", 1, "east", DeviceType.AIR_HANDLER, DeviceStatus.DEGRADED, seen),
            device("em-22", "b2", 1, "east", DeviceType.ENERGY_METER, DeviceStatus.OK, seen)));
    // b1's alert has been changed twice already (version 2): an acknowledgement must send it.
    Map<String, AttributeValue> changedTwice = alert("ch-01", "b1", OVERHEAT, OPEN, T0);
    changedTwice.put(AlertTable.VERSION, n(2));
    tables.putAlerts(
        List.of(changedTwice, alert("ahu-21", "b2", OVERHEAT, OPEN, T0.plusSeconds(5))));
  }

  /** Signs out (drops the token, closes the stream) so the next test starts from nothing. */
  @AfterEach
  void leavePage() {
    ((JavascriptExecutor) driver)
        .executeScript("try { window.sessionStorage.clear(); } catch (e) { /* not our page */ }");
    driver.get("about:blank");
  }

  @Test
  void managerSeesEveryBuildingAndTheDeviceHealthOfTheSelectedOne() {
    signIn(TestTokens.bearer(subject("manager"), Role.MANAGER, "*"));

    assertThat(buildingIds()).containsExactly("b1", "b2");
    awaitDevices("ahu-01", "ch-01", "zs-07");
    assertThat(deviceStatuses())
        .containsExactly(
            Map.entry("ahu-01", "OK"), Map.entry("ch-01", "FAULT"), Map.entry("zs-07", "OFFLINE"));
    assertThat(row("ch-01").getText())
        .contains("vibrationMmS rising: 6.1 mm/s, baseline 2.3 mm/s")
        .contains("72");

    // The status filter asks the API for the checked statuses only.
    driver.findElement(By.cssSelector("#status-filter input[value=FAULT]")).click();
    driver.findElement(By.cssSelector("#status-filter input[value=OFFLINE]")).click();
    awaitDevices("ch-01", "zs-07");

    // The filter stays when another building is chosen: b2 has neither.
    selectBuilding("b2");
    wait(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("device-empty")));
    assertThat(deviceIds()).isEmpty();
    driver.findElement(By.cssSelector("#status-filter input[value=FAULT]")).click();
    driver.findElement(By.cssSelector("#status-filter input[value=OFFLINE]")).click();
    awaitDevices("ahu-21", "em-22");
    assertThat(deviceStatuses())
        .containsExactly(Map.entry("ahu-21", "DEGRADED"), Map.entry("em-22", "OK"));
  }

  @Test
  void viewerOfB2SeesOnlyB2AndCannotAcknowledge() {
    signIn(TestTokens.bearer(subject("viewer"), Role.VIEWER, "b2"));

    awaitDevices("ahu-21", "em-22");
    assertThat(buildingIds()).containsExactly("b2");
    awaitAlerts(1);
    String onlyAlert = wait(PATIENCE).until(d -> alertItems().get(0).getAttribute("data-alert-id"));
    assertThat(onlyAlert).startsWith("ahu-21#");
    assertThat(driver.findElements(By.cssSelector("#alert-list button.acknowledge"))).isEmpty();
  }

  @Test
  void showsAnAlertWrittenAfterThePageLoadedWithoutReloadAndItsMessageAsText()
      throws IOException {
    signIn(TestTokens.bearer(subject("manager"), Role.MANAGER, "*"));
    awaitDevices("ahu-01", "ch-01", "zs-07");
    awaitAlerts(1);
    awaitStreamLive();
    Object pageInstance = markPage();

    // analytics-job raises an alert whose message carries markup (messages quote device data).
    Instant now = Instant.now();
    Map<String, AttributeValue> raised = alert("zs-07", "b1", OFFLINE, OPEN, now.minusSeconds(60));
    raised.put(AlertTable.MESSAGE, s(HOSTILE_MESSAGE));
    raised.put(AlertTable.UPDATED_AT, s(StoredTime.format(now)));
    tables.putAlerts(List.of(raised));
    String raisedId = raised.get(AlertTable.ALERT_ID).s();

    awaitAlert(raisedId);
    assertThat(markPage()).as("the page was not reloaded").isEqualTo(pageInstance);
    assertThat(alertItems()).hasSize(2);
    // read inside a wait: the list may be re-rendered between finding an item and reading it
    String shown =
        inAlert(raisedId, i -> i.findElement(By.cssSelector(".alert-message")).getText());
    assertThat(shown).isEqualTo(HOSTILE_MESSAGE);
    Integer elementsInMessage =
        inAlert(
            raisedId,
            i -> i.findElement(By.cssSelector(".alert-message")).findElements(By.xpath(".//*"))
                .size());
    assertThat(elementsInMessage).isZero();
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.operatorXss"))
        .isNull();

    screenshot(SCREENSHOT);
  }

  @Test
  void technicianAcknowledgesAnOpenAlertWithItsVersion() {
    String subject = subject("technician");
    signIn(TestTokens.bearer(subject, Role.TECHNICIAN, "b1"));
    // the list is loaded again once the stream is live: act on the item after that
    awaitStreamLive();
    String status = inAlert(B1_ALERT, i -> i.getAttribute("data-status"));
    assertThat(status).isEqualTo("open");

    // clicked inside the wait: a re-rendered item is found again (a stale one throws before it
    // is clicked, so the button is clicked once)
    inAlert(
        B1_ALERT,
        i -> {
          i.findElement(By.cssSelector("button.acknowledge")).click();
          return true;
        });

    String acknowledged =
        inAlert(
            B1_ALERT,
            i ->
                "acknowledged".equals(i.getAttribute("data-status"))
                        && i.findElements(By.cssSelector("button.acknowledge")).isEmpty()
                    ? i.getText()
                    : null);
    assertThat(acknowledged).contains("acknowledged by " + subject);
    // What DynamoDB holds: the If-Match the page sent matched version 2 (not a fixed "0").
    Map<String, AttributeValue> stored =
        dynamo
            .getItem(
                b ->
                    b.tableName(AlertTable.DEFAULT_NAME)
                        .key(Map.of(AlertTable.ALERT_ID, s(B1_ALERT)))
                        .consistentRead(true))
            .item();
    assertThat(stored.get(AlertTable.STATUS).s()).isEqualTo("acknowledged");
    assertThat(stored.get(AlertTable.ACKNOWLEDGED_BY).s()).isEqualTo(subject);
    assertThat(stored.get(AlertTable.VERSION).n()).isEqualTo("3");
  }

  /**
   * The page's own SSE parser, fed bytes the way fetch delivers them (through the same
   * TextDecoderStream): once cut at awkward places (inside CRLF, inside a multi-byte character),
   * once one byte per chunk. Both must give the same events.
   */
  @Test
  void parsesTheEventStreamHoweverTheBytesAreCut() {
    driver.get(page.toString());
    String text =
        ": heartbeat\r\n"
            + "event: alert\r\nid: 7\r\ndata: first\r\ndata: second\r\n\r\n"
            + "data: no id field\r\r"
            + "id: 8\n\n"
            + "data:x\n\n"
            + "retry: 2500\nevent: alert\ndata: 35 \u00b0C \u2013 \ud83d\udd25\n\n"
            + "data: unfinished";
    String expected =
        "{\"events\":["
            + "{\"type\":\"alert\",\"data\":\"first\\nsecond\",\"id\":\"7\"},"
            + "{\"type\":\"message\",\"data\":\"no id field\",\"id\":\"7\"},"
            + "{\"type\":\"message\",\"data\":\"x\",\"id\":\"8\"},"
            + "{\"type\":\"alert\",\"data\":\"35 \u00b0C \u2013 \ud83d\udd25\",\"id\":\"8\"}],"
            + "\"lastEventId\":\"8\",\"retryMs\":2500}";
    @SuppressWarnings("unchecked")
    List<String> parsed =
        (List<String>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    """
                    const [text, done] = arguments;
                    import('./sse.js').then(async ({ SseParser, pump }) => {
                      const bytes = new TextEncoder().encode(text);
                      const at = (s) => new TextEncoder().encode(s).length;
                      const cuts = [
                        at(text.slice(0, text.indexOf('id: 7') + 6)), // between CR and LF
                        at(text.slice(0, text.indexOf('field') + 6)), // between two bare CRs
                        at(text.slice(0, text.indexOf('35 ') + 3)) + 1, // inside a 2-byte char
                        at(text.slice(0, text.indexOf('data: unfin') - 4)) + 2, // in a 4-byte one
                      ];
                      const run = async (chunks) => {
                        const events = [];
                        const parser = new SseParser((e) => events.push(e));
                        const body = new ReadableStream({
                          start(controller) {
                            chunks.forEach((c) => controller.enqueue(c));
                            controller.close();
                          },
                        });
                        await pump(body, parser);
                        return JSON.stringify({
                          events, lastEventId: parser.lastEventId, retryMs: parser.retryMs });
                      };
                      const cut = [];
                      [0, ...cuts].forEach((from, i) =>
                        cut.push(bytes.slice(from, i < cuts.length ? cuts[i] : bytes.length)));
                      const single = [...bytes].map((b) => Uint8Array.of(b));
                      done([await run(cut), await run(single)]);
                    }).catch((e) => done(['failed: ' + e]));
                    """,
                    text);
    assertThat(parsed).containsExactly(expected, expected);
  }

  /** No byte (not even the 15 s heartbeat) for the idle timeout: the client reconnects. */
  @Test
  void reconnectsAStreamThatWentSilentAndIgnoresAnythingButAnEventStream() {
    driver.get(page.toString());
    String token = TestTokens.bearer(subject("manager"), Role.MANAGER, "*");
    String stream = page.toString().replace("/operator/", "/api/v1/buildings/b1/alerts/stream");
    assertThat(follow(stream, token, 2))
        .containsExactly("connecting", "live", "retrying: no data for 0.7 s", "connecting", "live");

    // A 200 that is not text/event-stream (here the page itself, as a proxy's page would be).
    List<String> html = follow(page + "index.html", token, 0);
    assertThat(html).hasSizeGreaterThanOrEqualTo(2).doesNotContain("live");
    assertThat(html.get(0)).isEqualTo("connecting");
    assertThat(html.get(1)).startsWith("retrying: not an event stream (text/html");
  }

  @Test
  void servesThePageWithHeadersThatForbidFramingIt() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(page.toURI()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher meta =
        Pattern.compile("http-equiv=\"Content-Security-Policy\"\\s+content=\"([^\"]+)\"")
            .matcher(response.body());
    assertThat(meta.find()).as("the page's meta policy").isTrue();
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .contains(meta.group(1) + "; frame-ancestors 'none'");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.body()).doesNotContain("name=\"token\"");
  }

  @Test
  void neverRequestsABuildingWhoseIdIsNotAnIdentifier() {
    tables.putBuildings(List.of(building("..", List.of(0), List.of("x"), 0, T0)));
    signIn(TestTokens.bearer(subject("manager"), Role.MANAGER, "*"));

    assertThat(buildingIds()).containsExactly("b1", "b2");
    wait(PATIENCE)
        .until(
            d ->
                d.findElement(By.id("building-list"))
                    .getText()
                    .contains("1 building with an invalid id not shown."));
  }

  @Test
  void saysWhenTheApiRefusesTheToken() throws IOException {
    signIn("not-a-token");
    WebElement problem = awaitProblem("401");
    assertThat(problem.getText()).contains("Not signed in (401)");
    assertThat(driver.findElement(By.id("workspace")).isDisplayed()).isFalse();
    assertThat(((JavascriptExecutor) driver).executeScript(
            "return window.sessionStorage.length"))
        .isEqualTo(0L);
    screenshot(Path.of("target/operator-page-401.png"));

    signIn(TestTokens.expired(Role.MANAGER, "*"));
    assertThat(awaitProblem("401").getText()).contains("Not signed in (401)");

    signIn(TestTokens.withoutRole("b1"));
    assertThat(awaitProblem("403").getText()).contains("Not allowed (403)");
  }

  @Test
  void keepsTheTokenInTheTabOnlyAndNeverInTheUrl() {
    String token = TestTokens.bearer(subject("manager"), Role.MANAGER, "*");
    signIn(token);
    awaitDevices("ahu-01", "ch-01", "zs-07");
    String raw = token.substring("Bearer ".length());

    assertThat(driver.getCurrentUrl()).doesNotContain(raw);
    assertThat(
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return [window.sessionStorage.getItem('smartbuilding.operator.token'),"
                        + " window.localStorage.length, document.cookie]"))
        .isEqualTo(List.of(raw, 0L, ""));

    // A reload signs in again from sessionStorage; signing out forgets the token.
    driver.navigate().refresh();
    awaitDevices("ahu-01", "ch-01", "zs-07");
    driver.findElement(By.id("token-forget")).click();
    assertThat(
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return window.sessionStorage.getItem('smartbuilding.operator.token')"))
        .isNull();
    assertThat(driver.findElement(By.id("workspace")).isDisplayed()).isFalse();
  }

  /**
   * Runs the page's followStream in the browser (idle timeout 0.7 s) until the stream has been
   * live {@code lives} times, or, with 0, until its first "retrying"; returns the states seen.
   */
  @SuppressWarnings("unchecked")
  private List<String> follow(String url, String bearer, int lives) {
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                """
                const [url, bearer, lives, done] = arguments;
                import('./sse.js').then(({ followStream }) => {
                  const states = [];
                  const controller = new AbortController();
                  let live = 0;
                  let finished = false;
                  const finish = () => {
                    if (!finished) {
                      finished = true;
                      controller.abort();
                      done(states);
                    }
                  };
                  setTimeout(finish, 15000);
                  followStream(url, {
                    authorization: () => bearer,
                    signal: controller.signal,
                    idleTimeoutMs: 700,
                    onEvent: () => {},
                    onRefused: (r) => {
                      states.push('refused: ' + r.status);
                      finish();
                    },
                    onState: (s, why) => {
                      states.push(why ? `${s}: ${why}` : s);
                      if ((s === 'live' && ++live === lives) || (s === 'retrying' && lives === 0)) {
                        finish();
                      }
                    },
                  });
                }).catch((e) => done(['failed: ' + e]));
                """,
                url,
                bearer,
                lives);
  }

  // --- the page, as an operator uses it -------------------------------------------------------

  private void signIn(String token) {
    if (!driver.getCurrentUrl().startsWith(page.toString())) {
      driver.get(page.toString());
    }
    WebElement input =
        wait(PATIENCE).until(ExpectedConditions.elementToBeClickable(By.id("token-input")));
    input.clear();
    input.sendKeys(token);
    driver.findElement(By.id("token-use")).click();
  }

  private void selectBuilding(String buildingId) {
    driver
        .findElement(By.cssSelector("#building-list button[data-building-id='" + buildingId + "']"))
        .click();
  }

  private List<String> buildingIds() {
    wait(PATIENCE)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#building-list button.building")));
    return driver.findElements(By.cssSelector("#building-list button.building")).stream()
        .map(b -> b.getAttribute("data-building-id"))
        .toList();
  }

  private void awaitDevices(String... deviceIds) {
    List<String> wanted = List.of(deviceIds);
    wait(PATIENCE)
        .withMessage(() -> "device rows " + wanted + "; shown: " + deviceIds())
        .until(d -> deviceIds().equals(wanted));
  }

  private List<String> deviceIds() {
    return driver.findElements(By.cssSelector("#device-rows tr[data-device-id]")).stream()
        .map(r -> r.getAttribute("data-device-id"))
        .toList();
  }

  private List<Map.Entry<String, String>> deviceStatuses() {
    return driver.findElements(By.cssSelector("#device-rows tr[data-device-id]")).stream()
        .map(
            r ->
                Map.entry(
                    r.getAttribute("data-device-id"),
                    r.findElement(By.cssSelector(".device-status")).getText()))
        .toList();
  }

  private WebElement row(String deviceId) {
    return driver.findElement(By.cssSelector("#device-rows tr[data-device-id='" + deviceId + "']"));
  }

  private List<WebElement> alertItems() {
    return driver.findElements(By.cssSelector("#alert-list li.alert"));
  }

  private void awaitAlerts(int count) {
    wait(PATIENCE)
        .withMessage(() -> count + " alerts; shown: " + alertItems().size())
        .until(d -> alertItems().size() == count);
  }

  /** The list item of the alert (ids hold '#', so it is found by attribute, not by selector). */
  private WebElement awaitAlert(String alertId) {
    return wait(PATIENCE)
        .withMessage(() -> "alert " + alertId)
        .until(
            d ->
                alertItems().stream()
                    .filter(i -> alertId.equals(i.getAttribute("data-alert-id")))
                    .findFirst()
                    .orElse(null));
  }

  /**
   * What {@code read} returns for the alert's list item, once it is non-null; the item is found
   * again on every try, so a re-render in between (a stale element) only means another try.
   */
  private <T> T inAlert(String alertId, Function<WebElement, T> read) {
    return wait(PATIENCE)
        .withMessage(() -> "alert " + alertId)
        .until(
            d ->
                alertItems().stream()
                    .filter(i -> alertId.equals(i.getAttribute("data-alert-id")))
                    .findFirst()
                    .map(read)
                    .orElse(null));
  }

  private void awaitStreamLive() {
    wait(PATIENCE)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#stream-state[data-state=live]")));
  }

  private WebElement awaitProblem(String status) {
    return wait(PATIENCE)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#problem[data-status='" + status + "']")));
  }

  /** A marker on the window object: gone if the page is reloaded. */
  private Object markPage() {
    return ((JavascriptExecutor) driver)
        .executeScript(
            "window.operatorPageId = window.operatorPageId || Math.random().toString(36);"
                + " return window.operatorPageId;");
  }

  /** For people to look at (the README points to it); not compared with anything. */
  private static void screenshot(Path target) throws IOException {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static WebDriverWait wait(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class); // lists are re-rendered on each change
    return wait;
  }

  private static String subject(String role) {
    return "operator-" + role + "-" + SUBJECTS.incrementAndGet();
  }
}
