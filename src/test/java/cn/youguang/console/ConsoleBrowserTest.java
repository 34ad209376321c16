package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The console in a real browser: Debian's Chromium driven by its chromedriver (nothing is downloaded; Selenium
 * Manager is never asked because both paths are given). One headless session for the class. Skipped, with a
 * message, where Chromium is not installed; .ci/run installs it, so CI always runs these.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @InjectWeChatMock
    WireMockServer weChat;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @BeforeAll
    static void startChromium() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver is not installed (apt-get install chromium chromium-driver): "
                        + "the console's browser tests are skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** localhost, not 127.0.0.1: a browser keeps Secure cookies there without TLS. */
    private String url(String path) {
        return "http://localhost:" + base.getPort() + path;
    }

    private void signIn(String username, String password) {
        browser.get(url("/admin/login"));
        browser.manage().deleteAllCookies();
        browser.get(url("/admin/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        submit(By.cssSelector("form[action='/admin/login'] button"));
    }

    private static String newStaff(Set<String> roles) {
        String username = "b-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.newStaff(username, roles);
        return username;
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Clicks a submit button and waits for the page the form leads to. */
    private static void submit(WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> gone(page));
        loaded();
    }

    /**
     * Whether the old page is gone. Chromium, asked about a node while the next page replaces it, may answer "Node
     * with given id does not belong to the document" instead of a stale reference: gone as well.
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static void submit(By button) {
        loaded();
        submit(browser.findElement(button));
    }

    /** Waits until the current document has finished loading, so what is found next belongs to it. */
    private static void loaded() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static void stageIs(String stage) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.cssSelector(".stage"), stage));
    }

    /** Waits until the page shows this text (a page that is still being replaced is read again). */
    private static void shows(String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    @Test
    void signInShowsTheDashboardAndLogoutEndsIt() throws IOException {
        browser.get(url("/admin/login"));
        browser.manage().deleteAllCookies();
        browser.get(url("/admin/dashboard"));
        assertThat(browser.getCurrentUrl()).contains("/admin/login");
        screenshot("login");
        signIn("admin", Accounts.ADMIN_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/dashboard");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("概览");
        assertThat(browser.findElements(By.cssSelector(".chart svg"))).hasSize(6);
        screenshot("dashboard");
        browser.get(url("/admin/accounts"));
        screenshot("accounts");
        browser.get(url("/admin/invitations"));
        screenshot("invitations");
        browser.get(url("/admin/videos"));
        screenshot("videos");

        submit(By.cssSelector("form.logout button"));
        shows("已退出登录");
        browser.get(url("/admin/dashboard"));
        assertThat(browser.getCurrentUrl()).contains("/admin/login");
    }

    @Test
    void aStoryIsWrittenReviewedAndPublished() throws IOException {
        String editor = newStaff(Set.of(Role.EDITOR));
        String reviewer = newStaff(Set.of(Role.REVIEWER));
        String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);

        signIn(editor, Accounts.passwordOf(editor));
        browser.get(url("/admin/content/stories/new"));
        WebElement front = browser.findElement(By.name("frontMatter"));
        front.clear();
        front.sendKeys("slug: " + slug + "\ntitle: 浏览器里写的典型\nperson: 测试人物\nsummary: 端到端测试\n");
        browser.findElement(By.name("body")).sendKeys("在平凡岗位上**默默坚守**。");
        // the live preview (a script file the Content-Security-Policy allows) renders while typing
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.cssSelector(".preview strong"), "默默坚守"));
        submit(By.cssSelector("button[value=preview]"));
        assertThat(browser.findElement(By.cssSelector(".preview strong")).getText()).isEqualTo("默默坚守");
        submit(By.cssSelector("button[value=save]"));
        shows("已保存");
        shows("草稿");
        screenshot("content-editor");
        submit(By.cssSelector("button[value=in_review]"));
        stageIs("审核中");
        assertThat(browser.findElements(By.cssSelector("button[value=approved]"))).isEmpty();
        browser.get(url("/admin/content?kind=stories"));
        screenshot("content-list");

        signIn(reviewer, Accounts.passwordOf(reviewer));
        browser.get(url("/admin/content?kind=stories&stage=in_review"));
        loaded();
        submit(browser.findElement(By.linkText("浏览器里写的典型")));
        submit(By.cssSelector("button[value=approved]"));
        stageIs("已通过");
        submit(By.cssSelector("button[value=published]"));
        stageIs("已发布");

        given().get("/api/stories/" + slug).then().statusCode(200).body("title", equalTo("浏览器里写的典型"));
    }

    @Test
    void anImageGoesFromTheBrowserStraightToTheStore() throws IOException {
        String editor = newStaff(Set.of(Role.EDITOR));
        Path file = Files.createTempFile("console-upload", ".jpg");
        Files.write(file, cn.youguang.testing.TestImages.jpeg(320, 240, java.awt.Color.ORANGE));
        signIn(editor, Accounts.passwordOf(editor));
        browser.get(url("/admin/media"));
        browser.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[data-media-upload] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[data-upload-result]"), "已校验"));
        assertThat(browser.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
        screenshot("media");
        String id = browser.findElement(By.cssSelector("[data-upload-result]")).getText()
                .replaceAll("(?s).*编号 ([0-9a-f-]{36}).*", "$1");
        given().header("Authorization", Accounts.staff(editor, Accounts.passwordOf(editor)).bearer())
                .get("/api/media/uploads/" + id).then().statusCode(200).body("status", equalTo("VERIFIED"));
        Files.deleteIfExists(file);
    }

    @Test
    void aModeratorRejectsAQueuedPostAndIsRefusedOtherPages() throws IOException {
        var cadre = ClubFixture.cadre(weChat, "读书人");
        ClubFixture.textVerdict(weChat, "review", 10001);
        long post = ClubFixture.write(cadre, ClubFixture.note("待审的读书笔记 " + UUID.randomUUID()))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String moderator = newStaff(Set.of(Role.MODERATOR));

        signIn(moderator, Accounts.passwordOf(moderator));
        assertThat(browser.findElements(By.linkText("账号"))).isEmpty();
        loaded();
        submit(browser.findElement(By.linkText("读书社审核")));
        WebElement item = browser.findElement(By.id("post-" + post));
        assertThat(item.getText()).contains("广告");
        screenshot("club-queue");
        item.findElement(By.name("reason")).sendKeys("广告内容");
        submit(item.findElement(By.cssSelector("button[value=reject]")));
        assertThat(browser.findElements(By.id("post-" + post))).isEmpty();
        given().header("Authorization", cadre.bearer()).get("/api/club/me/posts/" + post)
                .then().body("state", equalTo("rejected")).body("rejectReason", equalTo("广告内容"));

        browser.get(url("/admin/accounts"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        screenshot("forbidden");
    }

    @Test
    void aFormWithoutItsTokenIsRejected() {
        signIn("admin", Accounts.ADMIN_PASSWORD);
        browser.get(url("/admin/invitations"));
        // as a forged form would arrive: the same form without its hidden token
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('input[name=_csrf]').forEach(function (e) { e.remove(); });");
        submit(By.cssSelector("form[action='/admin/invitations'] button"));
        shows("无权访问");
        shows("校验码");
        browser.get(url("/admin/dashboard"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("概览");
    }

    @Test
    void aScriptInATitleIsShownAsText() {
        String editor = newStaff(Set.of(Role.EDITOR));
        String title = "<script>alert('x')</script>标题" + UUID.randomUUID().toString().substring(0, 4);
        given().header("Authorization", Accounts.staff(editor, Accounts.passwordOf(editor)).bearer())
                .contentType("application/json")
                .body(java.util.Map.of("frontMatter", java.util.Map.of("slug", "s-" + UUID.randomUUID().toString().substring(0, 8),
                        "title", title, "person", "某"), "body", "x"))
                .post("/api/editorial/stories").then().statusCode(201);
        signIn(editor, Accounts.passwordOf(editor));
        browser.get(url("/admin/content?kind=stories"));
        assertThat(browser.findElement(By.linkText(title)).getText()).isEqualTo(title);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aDispatcherHandlesAStreetReportToClosureThroughThePages() throws IOException {
        var citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        var receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        String dispatcher = newStaff(Set.of(Role.DISPATCHER));
        // the after photo: an evidence upload of the dispatcher's, completed beforehand (as on the media page)
        String after = ReportFixture.evidence(Accounts.staff(dispatcher, Accounts.passwordOf(dispatcher)));

        signIn(dispatcher, Accounts.passwordOf(dispatcher));
        submit(browser.findElement(By.linkText("随手拍")));
        screenshot("street-reports");
        submit(browser.findElement(By.linkText(number)));
        assertThat(browser.findElement(By.cssSelector("a.map")).getAttribute("href"))
                .startsWith("https://uri.amap.com/marker?position=120.1637");
        screenshot("street-report");
        submit(By.cssSelector("form.move-accepted button"));
        shows("已受理");
        browser.findElement(By.cssSelector("form.move-dispatched input[name=unit]")).sendKeys("亭湖区环卫所");
        submit(By.cssSelector("form.move-dispatched button"));
        shows("已派遣");
        browser.findElement(By.cssSelector("form.note-form textarea[name=note]")).sendKeys("请环卫所今天处理");
        submit(By.cssSelector("form.note-form button"));
        shows("请环卫所今天处理");
        submit(By.cssSelector("form.move-in_progress button"));
        shows("处置中");
        browser.findElement(By.cssSelector("form.move-closed input[name=note]")).sendKeys("垃圾已清运");
        browser.findElement(By.cssSelector("form.move-closed input[name=afterPhoto]")).sendKeys(after);
        submit(By.cssSelector("form.move-closed button"));
        shows("此报告已结束办理");
        assertThat(browser.findElement(By.cssSelector("table.facts .state")).getText()).isEqualTo("已办结");
        screenshot("street-report-closed");

        given().header("Authorization", Accounts.staff(dispatcher, Accounts.passwordOf(dispatcher)).bearer())
                .get("/api/dispatch/reports/" + id).then().statusCode(200).body("status", equalTo("closed"))
                .body("photos.stage", org.hamcrest.Matchers.hasItem("after"))
                .body("events.note", org.hamcrest.Matchers.hasItem("请环卫所今天处理"));
        ReportFixture.track(number, receipt.getString("queryCode")).then().body("status", equalTo("closed"));
    }

    @Test
    void anInspectorReadsASupervisionReportAndFindsTheReadInTheAuditLog() throws IOException {
        var citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        var body = ReportFixture.supervision("integrity");
        body.put("anonymous", true);
        String number = ReportFixture.file(citizen, body).getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        String inspector = newStaff(Set.of(Role.INSPECTOR));
        long inspectorId = Accounts.staff(inspector, Accounts.passwordOf(inspector)).id();

        signIn(inspector, Accounts.passwordOf(inspector));
        submit(browser.findElement(By.linkText("清风城管")));
        screenshot("supervision-reports");
        submit(browser.findElement(By.linkText(number)));
        assertThat(browser.findElement(By.cssSelector(".identity")).getText()).startsWith("匿名举报");
        assertThat(browser.findElements(By.cssSelector("form.contact-form"))).isEmpty();
        screenshot("supervision-report");
        submit(By.cssSelector("form.move-accepted button"));
        assertThat(browser.findElement(By.cssSelector("table.facts .state")).getText()).isEqualTo("已受理");
        assertThat(browser.findElements(By.cssSelector("form.move-in_progress"))).hasSize(1);
        screenshot("supervision-report-accepted");
        submit(browser.findElement(By.linkText("打印版（移交用）")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("移交材料");
        screenshot("supervision-print");
        browser.get(url("/admin/supervision/audit"));
        loaded();
        assertThat(browser.findElement(By.id("chain")).getText()).startsWith("链校验通过");
        long read = new cn.youguang.testing.DatabaseRows(dataSource).count(
                "select min(id) from supervision_audit where report_id = ? and actor_id = ? and action = 'READ'", id, inspectorId);
        assertThat(browser.findElement(By.id("audit-" + read)).getText())
                .contains("测试 " + inspector + "（#" + inspectorId + "）").contains("查看案件").contains(number);
        screenshot("supervision-audit");
    }

    @Test
    void aModeratorIsRefusedTheSupervisionPages() throws IOException {
        String moderator = newStaff(Set.of(Role.MODERATOR));
        signIn(moderator, Accounts.passwordOf(moderator));
        assertThat(browser.findElements(By.linkText("清风城管"))).isEmpty();
        assertThat(browser.findElements(By.linkText("纪检审计日志"))).isEmpty();
        browser.get(url("/admin/supervision"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        screenshot("supervision-forbidden");
    }

    @Test
    void anEditorSetsAStorysCoverWithTheMediaPickerAndTheApiShowsIt() throws IOException {
        String editor = newStaff(Set.of(Role.EDITOR));
        String slug = "picked-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("console-cover", ".jpg");
        Files.write(file, cn.youguang.testing.TestImages.jpeg(640, 480, java.awt.Color.GREEN));
        signIn(editor, Accounts.passwordOf(editor));
        browser.get(url("/admin/media"));
        browser.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[data-media-upload] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[data-upload-result]"), "已校验"));
        String id = browser.findElement(By.cssSelector("[data-upload-result]")).getText()
                .replaceAll("(?s).*编号 ([0-9a-f-]{36}).*", "$1");
        browser.get(url("/admin/media"));
        loaded();
        assertThat(browser.findElement(By.id("upload-" + id)).getText()).contains("已校验").contains("upload:" + id);
        screenshot("media-library");

        browser.get(url("/admin/content/stories/new"));
        WebElement front = browser.findElement(By.name("frontMatter"));
        front.clear();
        front.sendKeys("slug: " + slug + "\ntitle: 有封面的典型\nperson: 测试人物\nsummary: 媒体选择\n");
        browser.findElement(By.name("body")).sendKeys("正文。");
        submit(By.cssSelector("button[value=save]"));
        shows("已保存");
        submit(By.cssSelector("button[value='cover:" + id + "']"));
        shows("已把图片设为封面");
        assertThat(browser.findElement(By.name("frontMatter")).getAttribute("value")).contains("cover: upload:" + id);
        screenshot("media-picker");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("picker-title")));
        screenshot("media-picker-list");
        submit(By.cssSelector("button[value=save]"));
        shows("已保存");
        long story = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/stories/(\\d+).*", "$1"));
        given().header("Authorization", Accounts.staff(editor, Accounts.passwordOf(editor)).bearer())
                .get("/api/editorial/stories/" + story).then().statusCode(200)
                .body("frontMatter.cover", org.hamcrest.Matchers.startsWith("http"))
                .body("frontMatter.cover", org.hamcrest.Matchers.containsString(id));
        Files.deleteIfExists(file);
    }

    @Test
    void anAdminEntersAYearOfHolidaysInTheWorkingDayCalendar() throws IOException {
        signIn("admin", Accounts.ADMIN_PASSWORD);
        submit(browser.findElement(By.linkText("工作日历")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("工作日历");
        screenshot("calendar");
        browser.get(url("/admin/calendar?year=2094"));
        loaded();
        browser.findElement(By.name("holidays")).sendKeys("2094-01-01\n2094-10-01/2094-10-07");
        browser.findElement(By.name("workdays")).sendKeys("2094-09-26");
        submit(By.cssSelector("form.calendar-form button"));
        shows("已保存 2094 年的日历");
        screenshot("calendar-saved");
        given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/calendar/2094").then().statusCode(200)
                .body("entered", equalTo(true)).body("holidayDays", equalTo(8))
                .body("workdays", org.hamcrest.Matchers.hasItem("2094-09-26"));
    }

    @Test
    void aHandlingUnitStartsAReportOnItsOwnDesk() throws IOException {
        var admin = Accounts.admin();
        String unitName = "环卫所-" + UUID.randomUUID().toString().substring(0, 6);
        long unit = given().header("Authorization", admin.bearer()).contentType("application/json")
                .body(java.util.Map.of("name", unitName, "district", "亭湖区", "active", true))
                .post("/api/admin/handling-units").then().statusCode(201).extract().jsonPath().getLong("id");
        String handler = newStaff(Set.of(Role.HANDLER));
        given().header("Authorization", admin.bearer()).put("/api/admin/handling-units/" + unit + "/members/"
                + Accounts.staff(handler, Accounts.passwordOf(handler)).id()).then().statusCode(200);
        var citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        String number = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        var dispatcher = Accounts.newStaff("b-" + UUID.randomUUID().toString().substring(0, 10), Set.of(Role.DISPATCHER));
        ReportFixture.move(dispatcher, "dispatch", id, ReportFixture.to("accepted")).then().statusCode(200);
        ReportFixture.move(dispatcher, "dispatch", id, ReportFixture.to("dispatched", "unitId", unit)).then().statusCode(200);

        signIn(handler, Accounts.passwordOf(handler));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/handling");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(unitName);
        screenshot("handling-reports");
        submit(browser.findElement(By.linkText(number)));
        submit(By.cssSelector("form.move-in_progress button"));
        assertThat(browser.findElement(By.cssSelector("table.facts .state")).getText()).isEqualTo("处置中");
        assertThat(browser.findElements(By.cssSelector("form.move-closed"))).hasSize(1);
        screenshot("handling-report");
    }
}
