package io.smartbuilding.api.operator;

import static io.smartbuilding.api.testing.StoredItems.alert;
import static io.smartbuilding.api.testing.StoredItems.building;
import static io.smartbuilding.api.testing.StoredItems.device;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
 * fetch-based SSE client, auth errors, and alert messages rendered as text.
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
    tables.putAlerts(
        List.of(
            alert("ch-01", "b1", OVERHEAT, OPEN, T0),
            alert("ahu-21", "b2", OVERHEAT, OPEN, T0.plusSeconds(5))));
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
    assertThat(alertItems().get(0).getAttribute("data-alert-id")).startsWith("ahu-21#");
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

    WebElement item = awaitAlert(raisedId);
    assertThat(markPage()).as("the page was not reloaded").isEqualTo(pageInstance);
    assertThat(alertItems()).hasSize(2);
    WebElement message = item.findElement(By.cssSelector(".alert-message"));
    assertThat(message.getText()).isEqualTo(HOSTILE_MESSAGE);
    assertThat(message.findElements(By.xpath(".//*"))).isEmpty();
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.operatorXss"))
        .isNull();

    screenshot(SCREENSHOT);
  }

  @Test
  void technicianAcknowledgesAnOpenAlertWithItsVersion() {
    String subject = subject("technician");
    signIn(TestTokens.bearer(subject, Role.TECHNICIAN, "b1"));
    WebElement item = awaitAlert(B1_ALERT);
    assertThat(item.getAttribute("data-status")).isEqualTo("open");

    item.findElement(By.cssSelector("button.acknowledge")).click();

    wait(PATIENCE)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#alert-list li.alert[data-status=acknowledged]")));
    WebElement acknowledged = awaitAlert(B1_ALERT);
    assertThat(acknowledged.getText()).contains("acknowledged by " + subject);
    assertThat(acknowledged.findElements(By.cssSelector("button.acknowledge"))).isEmpty();
    // What DynamoDB holds: the If-Match the page sent matched version 0.
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
    assertThat(stored.get(AlertTable.VERSION).n()).isEqualTo("1");
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
