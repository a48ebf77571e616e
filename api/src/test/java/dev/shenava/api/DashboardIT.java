package dev.shenava.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboards in a real headless Chromium against a real server with the demo data on a real Elasticsearch node:
 * the numbers drawn are the API's numbers, query errors point at their column, Persian lays out right to left,
 * an analyst's correction survives a reload, and every page is photographed for a person to look at.
 */
class DashboardIT {

    private static final List<String> PAGES = List.of("overview", "explore", "compare", "alerts", "sources");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private static DashboardServer server;
    private static HeadlessChromium browser;
    private static ApiAnswers api;
    private static String brand;

    @BeforeAll
    static void startServerAndBrowser() {
        server = DashboardServer.start();
        api = new ApiAnswers(server.baseUrl());
        browser = HeadlessChromium.start(server.baseUrl());
        brand = api.exists("/brands") ? firstBrandWithCompetitors(ApiAnswers.items(api.get("/brands")))
                : DemoData.BRANDS.get(0).id();
    }

    private static String firstBrandWithCompetitors(JsonNode brands) {
        Assumptions.assumeTrue(brands.size() > 0, "The demo data has no brands");
        for (JsonNode b : brands) {
            if (!b.path("competitors").isEmpty()) {
                return b.path("id").asText();
            }
        }
        return brands.get(0).path("id").asText();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void englishLaptopWithDemoBrand() {
        browser.resize(HeadlessChromium.LAPTOP);
        browser.open("/");
        browser.script("localStorage.clear();"
                + "localStorage.setItem('shenava.view', JSON.stringify({brand: arguments[0], period: '30d'}));"
                + "localStorage.setItem('shenava.settings', JSON.stringify({lang: 'en', calendar: 'gregory', digits: 'latin'}));",
                brand);
    }

    @Test
    void overviewTilesShowTheApiNumbers() {
        browser.open("/#/overview");
        Map<String, Object> timing = browser.script(
                "const ready = performance.getEntriesByName('shenava-ready')[0];"
                        + "const api = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/v1/'));"
                        + "const charts = performance.getEntriesByType('resource').find((r) => r.name.includes('echarts'));"
                        + "return {ready: ready ? ready.startTime : -1, requests: performance.getEntriesByType('resource').length,"
                        + "        api: api.length, slowestApi: Math.max(0, ...api.map((r) => r.duration)),"
                        + "        dom: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,"
                        + "        echarts: charts ? charts.duration : -1};");
        System.out.printf("overview: drawn %.0f ms after navigation start (DOM ready %.0f ms, ECharts fetched in %.0f ms),"
                        + " %s requests (%s to the API, slowest %.0f ms)%n",
                ((Number) timing.get("ready")).doubleValue(), ((Number) timing.get("dom")).doubleValue(),
                ((Number) timing.get("echarts")).doubleValue(), timing.get("requests"), timing.get("api"),
                ((Number) timing.get("slowestApi")).doubleValue());
        Map<String, String> window = pageWindow();
        JsonNode totals = api.get("/stats/timeseries", "brand", brand, "from", window.get("from"), "to", window.get("to"),
                "interval", window.get("interval")).path("totals");
        JsonNode sov = api.get("/stats/share-of-voice", "brand", brand, "from", window.get("from"), "to", window.get("to"));
        double share = sov.path("brands").get(0).path("share").asDouble();
        long total = totals.path("total").asLong();
        assertTrue(total > 0, "the demo data has mentions of " + brand + " in the last 30 days");
        assertAll(
                () -> assertEquals(total, Long.parseLong(tileValue("tile-mentions"))),
                () -> assertEquals(NumberFormat.getIntegerInstance(Locale.US).format(total), tileText("tile-mentions")),
                () -> assertEquals(totals.path("netSentiment").asDouble(), Double.parseDouble(tileValue("tile-net")), 1e-6),
                () -> assertEquals((double) totals.path("negative").asLong() / total,
                        Double.parseDouble(tileValue("tile-negative")), 1e-6),
                () -> assertEquals(share, Double.parseDouble(tileValue("tile-sov")), 1e-6));
    }

    @Test
    void overviewChartsDrawTheApiNumbers() {
        browser.open("/#/overview");
        Map<String, String> window = pageWindow();
        JsonNode series = api.get("/stats/timeseries", "brand", brand, "from", window.get("from"), "to", window.get("to"),
                "interval", window.get("interval"));
        Map<String, Object> drawn = chartSums("chart-over-time");
        for (String label : List.of("positive", "neutral", "negative")) {
            assertEquals(series.path("totals").path(label).asLong(), ((Number) drawn.get(label)).longValue(),
                    label + " mentions stacked in the chart");
        }
        assertEquals(series.path("buckets").size(), ((Number) drawn.get("positive.points")).intValue(), "one bar per bucket");
        long alertWindows = 0;
        JsonNode events = api.exists("/alerts") ? ApiAnswers.items(api.get("/alerts", "brand", brand,
                "from", window.get("from"), "to", window.get("to"), "size", "100")) : JsonNodeFactory.instance.arrayNode();
        for (JsonNode event : events) {
            alertWindows += event.hasNonNull("windowStart") && event.hasNonNull("windowEnd") ? 1 : 0;
        }
        Number marked = browser.script("return echarts.getInstanceByDom(document.getElementById('chart-over-time'))"
                + ".getOption().series.find((s) => s.id === 'negative').markArea.data.length");
        assertEquals(alertWindows, marked.longValue(), "each alert event is marked on the chart");

        JsonNode touchpoints = api.get("/stats/touchpoints", "brand", brand, "from", window.get("from"), "to", window.get("to"))
                .path("touchpoints");
        Map<String, Object> perTouchpoint = browser.script(
                "const c = echarts.getInstanceByDom(document.getElementById('chart-touchpoints'));"
                        + "const out = {}; if (c) { c.getOption().series[0].data.forEach(d => out[d.touchpoint] = d.value); }"
                        + "return out;");
        Map<String, Object> expected = new HashMap<>();
        touchpoints.forEach(t -> expected.put(t.path("touchpoint").asText(), t.path("mentions").asLong()));
        assertEquals(expected.keySet(), perTouchpoint.keySet(), "one bar per touchpoint");
        expected.forEach((tp, n) -> assertEquals(n, ((Number) perTouchpoint.get(tp)).longValue(), "mentions of " + tp));

        List<WebElement> negatives = browser.driver().findElements(By.cssSelector(".latest-negative .mention"));
        assertFalse(negatives.isEmpty(), "latest negative mentions are listed");
        negatives.forEach(m -> assertEquals("negative",
                m.findElement(By.cssSelector("[data-sentiment]")).getAttribute("data-sentiment")));
    }

    @Test
    void compareTableShowsTheApiShares() {
        browser.open("/#/compare");
        Map<String, String> window = pageWindow();
        JsonNode sov = api.get("/stats/share-of-voice", "brand", brand, "from", window.get("from"), "to", window.get("to"),
                "interval", window.get("interval"));
        for (JsonNode b : sov.path("brands")) {
            WebElement row = browser.driver().findElement(
                    By.cssSelector("#compare-table tr[data-brand='" + b.path("brand").asText() + "']"));
            List<WebElement> cells = row.findElements(By.cssSelector("td.num"));
            assertEquals(b.path("mentions").asLong(), Long.parseLong(cells.get(0).getAttribute("data-value")));
            assertEquals(b.path("share").asDouble(), Double.parseDouble(cells.get(1).getAttribute("data-value")), 1e-6);
        }
        Number slices = browser.script("return echarts.getInstanceByDom(document.getElementById('chart-sov-total'))"
                + ".getOption().series[0].data.length");
        assertEquals(sov.path("brands").size(), slices.intValue(), "one slice per brand");
    }

    @Test
    void queryErrorIsMarkedAtItsColumn() {
        String query = null;
        int position = 0;
        for (String candidate : List.of("snapp OR tapsi)", "a \"late delivery", "delivery AND",
                "(late OR delay")) {
            ApiAnswers.Answer answer = api.call("/mentions", "q", candidate, "brand", brand);
            if (answer.status() == 400 && answer.body().has("position")) {
                query = candidate;
                position = answer.body().path("position").asInt();
                break;
            }
        }
        Assumptions.assumeTrue(query != null, "the API reported no query error with a position for any malformed query");

        browser.open("/#/explore");
        WebElement input = browser.await(By.id("query"));
        input.clear();
        input.sendKeys(query, Keys.ENTER);
        WebElement marked = browser.await(By.cssSelector(".query-error"));
        assertEquals(String.valueOf(position), marked.getAttribute("data-position"));
        String bad = marked.findElement(By.cssSelector(".bad")).getText();
        String expectedStart = query.length() >= position ? query.substring(position - 1, position) : "";
        assertTrue(expectedStart.isBlank() || bad.startsWith(expectedStart),
                "underlined '" + bad + "' starts at column " + position + " of '" + query + "'");
        assertEquals((long) position - 1, ((Number) browser.script("return document.getElementById('query').selectionStart"))
                .longValue(), "the input's cursor is put at the error");
        assertEquals("true", input.getAttribute("aria-invalid"));
        assertTrue(browser.driver().findElement(By.cssSelector(".query-error-message")).getText()
                .contains("column " + position));
    }

    @Test
    void highlightsKeepOnlyTheServersMarks() {
        browser.open("/#/overview");
        Map<String, Object> parsed = browser.script(
                "return import('./js/dom.js').then((dom) => {"
                        + "  const box = document.createElement('p');"
                        + "  box.append(dom.highlighted('<img src=x onerror=\"window.pwned=1\"> late &amp; <mark>snapp</mark>"
                        + " <script>window.pwned=1</script><b>x</b>'));"
                        + "  return {tags: [...box.querySelectorAll('*')].map((e) => e.tagName).join(','),"
                        + "          marked: box.querySelector('mark').textContent, text: box.textContent,"
                        + "          pwned: Boolean(window.pwned)};"
                        + "});");
        assertEquals("MARK", parsed.get("tags"), "only <mark> becomes an element");
        assertEquals("snapp", parsed.get("marked"));
        assertTrue(((String) parsed.get("text")).contains("<img src=x"), "other tags stay visible as text");
        assertTrue(((String) parsed.get("text")).contains("late & "), "entities are decoded once");
        assertEquals(false, parsed.get("pwned"));
    }

    @Test
    void persianInterfaceLaysOutRightToLeft() {
        browser.open("/?lang=fa#/explore?brand=" + brand);
        assertEquals("rtl", browser.driver().findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("fa", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        List<WebElement> nav = browser.driver().findElements(By.cssSelector("nav.pages a"));
        assertEquals("نمای کلی", nav.get(0).getText());
        assertTrue(nav.get(0).getRect().getX() > nav.get(1).getRect().getX(), "the first page link is the rightmost");
        assertTrue(browser.driver().findElement(By.id("search")).getRect().getX()
                < browser.driver().findElement(By.id("query")).getRect().getX(), "the search button is left of the box");
        List<WebElement> times = browser.driver().findElements(By.cssSelector("#results time"));
        assertFalse(times.isEmpty(), "mentions show their time");
        assertTrue(times.get(0).getText().contains("۱۴۰"), "Jalali year in Persian digits: " + times.get(0).getText());
        List<WebElement> texts = browser.driver().findElements(By.cssSelector("#results .mention .text"));
        texts.forEach(text -> assertEquals("auto", text.getAttribute("dir"), "mention text keeps its own direction"));
        boolean rtlMention = texts.stream().anyMatch(text -> "rtl".equals(browser.script(
                "return arguments[0].matches(':dir(rtl)') ? 'rtl' : 'ltr'", text)));
        assertTrue(rtlMention, "Persian or Arabic mention text runs right to left");

        if (api.exists("/stats/timeseries")) {
            browser.open("/?lang=fa#/overview");
            List<WebElement> tiles = browser.driver().findElements(By.cssSelector(".tile"));
            assertTrue(tiles.get(0).getRect().getX() > tiles.get(1).getRect().getX(), "the first tile is on the right");
            assertTrue(tileText("tile-mentions").chars().allMatch(c -> c >= '۰' && c <= '۹' || c == '٬'),
                    "counts in Persian digits: " + tileText("tile-mentions"));
        }

        browser.driver().findElement(By.id("lang-switch")).click();
        browser.awaitPage();
        assertEquals("ltr", browser.driver().findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("Overview", browser.driver().findElements(By.cssSelector("nav.pages a")).get(0).getText());
    }

    @Test
    void analystCorrectionSticksAfterReload() {
        Assumptions.assumeTrue(api.routes("PATCH", "/mentions/0"), "the server has no endpoint PATCH /api/v1/mentions/{id} yet");
        browser.open("/#/explore?brand=" + brand);
        WebElement first = browser.await(By.cssSelector("#results .mention"));
        String id = first.getAttribute("data-id");
        String before = first.findElement(By.cssSelector("[data-sentiment]")).getAttribute("data-sentiment");
        String after = "negative".equals(before) ? "positive" : "negative";
        String tag = "checked-" + Long.toString(System.nanoTime(), 36);

        first.findElement(By.cssSelector(".edit-mention")).click();
        WebElement form = browser.await(By.cssSelector(".mention[data-id='" + id + "'] form.override"));
        new Select(form.findElement(By.cssSelector(".override-sentiment"))).selectByValue(after);
        WebElement tags = form.findElement(By.cssSelector(".override-tags"));
        tags.clear();
        tags.sendKeys(tag);
        form.findElement(By.cssSelector(".save-override")).click();
        browser.waitFor().until(d -> d.findElements(By.cssSelector(".mention[data-id='" + id + "'] .overridden")).size() == 1);

        JsonNode stored = api.get("/mentions/" + id);
        assertEquals(after, stored.path("sentiment").path("label").asText());
        assertTrue(stored.path("overridden").asBoolean());

        // The correction is written at once but searches see it after the index's next refresh (about a second).
        browser.waitFor().until(d -> {
            for (JsonNode m : api.get("/mentions", "brand", brand, "size", "50").path("items")) {
                if (id.equals(m.path("id").asText())) {
                    return after.equals(m.path("sentiment").path("label").asText());
                }
            }
            return false;
        });
        browser.driver().navigate().refresh();
        browser.awaitPage();
        WebElement reloaded = browser.await(By.cssSelector(".mention[data-id='" + id + "']"));
        assertEquals(after, reloaded.findElement(By.cssSelector("[data-sentiment]")).getAttribute("data-sentiment"));
        assertTrue(reloaded.findElement(By.cssSelector(".chips")).getText().contains("#" + tag));
        assertNotEquals(before, after);
    }

    @Test
    void alertRuleIsCreatedEditedAndTestFired() {
        Assumptions.assumeTrue(api.exists("/alert-rules"), "the server has no endpoint GET /api/v1/alert-rules yet");
        browser.open("/#/alerts");
        int before = ApiAnswers.items(api.get("/alert-rules")).size();
        browser.await(By.id("new-rule")).click();
        WebElement form = browser.await(By.cssSelector("form.rule-form"));
        new Select(form.findElement(By.name("brand"))).selectByValue(brand);
        WebElement minVolume = form.findElement(By.name("minVolume"));
        minVolume.clear();
        minVolume.sendKeys("7");
        form.findElement(By.name("targets")).sendKeys("https://hooks.example.com/shenava-test");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor().until(d -> ApiAnswers.items(api.get("/alert-rules")).size() == before + 1);

        JsonNode created = null;
        for (JsonNode rule : ApiAnswers.items(api.get("/alert-rules"))) {
            if (rule.path("minVolume").asInt() == 7 && brand.equals(rule.path("brand").asText())) {
                created = rule;
            }
        }
        assertTrue(created != null, "the rule was stored with the form's values");
        assertEquals("https://hooks.example.com/shenava-test", created.path("targets").get(0).path("url").asText());
        String id = created.path("id").asText();

        browser.click(By.cssSelector("#rules-table tr[data-id='" + id + "'] .edit-rule"));
        form = browser.await(By.cssSelector("form.rule-form"));
        new Select(form.findElement(By.name("sensitivity"))).selectByValue("high");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor().until(d -> "high".equals(api.get("/alert-rules/" + id).path("sensitivity").asText()));
        JsonNode edited = api.get("/alert-rules/" + id);
        assertEquals("https://hooks.example.com/shenava-test", edited.path("targets").get(0).path("url").asText(),
                "editing keeps the targets the form was filled with");
        assertEquals(7, edited.path("minVolume").asInt());

        browser.recordToasts();
        browser.click(By.cssSelector("#rules-table tr[data-id='" + id + "'] .test-rule"));
        assertEquals(List.of("Test event sent"), browser.awaitToast("Test event sent"),
                "the test fire answered and nothing else was toasted");
    }

    @Test
    void asksForAKeyWhenTheApiNeedsOneAndKeepsIt() {
        String key = "dashboard-test-" + Long.toString(System.nanoTime(), 36);
        try (DashboardServer keyed = server.with(Map.of("api.keys.0.key", key, "api.keys.0.role", "analyst"))) {
            ApiAnswers.Answer refused = new ApiAnswers(keyed.baseUrl()).call("/mentions");
            assertEquals(401, refused.status(), "the keyed server refuses requests without a key");

            browser.visit(keyed.baseUrl() + "/#/explore");
            WebElement input = browser.await(By.id("api-key"));
            input.sendKeys("not-the-key", Keys.ENTER);
            browser.await(By.cssSelector("dialog.key-dialog p.error"));
            input = browser.await(By.id("api-key"));
            input.sendKeys(key, Keys.ENTER);
            browser.awaitPage();
            assertFalse(browser.driver().findElements(By.cssSelector("#results .mention")).isEmpty(),
                    "mentions load with the key");
            assertEquals(key, browser.script("return localStorage.getItem('shenava.apiKey')"));

            browser.visit(keyed.baseUrl() + "/#/explore");
            browser.awaitPage();
            assertTrue(browser.driver().findElements(By.cssSelector("dialog.key-dialog")).isEmpty(),
                    "a kept key is not asked for again");
            assertFalse(browser.driver().findElements(By.cssSelector("#results .mention")).isEmpty());
        }
    }

    @Test
    void everyPageIsPhotographedInBothLanguagesOnLaptopAndPhone() throws IOException {
        boolean complete = List.of("/brands", "/sources", "/alert-rules", "/alerts", "/stats/timeseries", "/stats/sources")
                .stream().allMatch(api::exists);
        for (String lang : List.of("en", "fa")) {
            for (HeadlessChromium.Viewport viewport : List.of(HeadlessChromium.LAPTOP, HeadlessChromium.PHONE)) {
                browser.resize(viewport);
                for (String page : PAGES) {
                    browser.open("/?lang=" + lang + "#/" + page);
                    List<Object> failed = browser.script("return [...performance.getEntriesByType('navigation'),"
                            + " ...performance.getEntriesByType('resource')]"
                            + ".filter((e) => e.responseStatus >= 400).map((e) => e.responseStatus + ' ' + e.name)");
                    if (!failed.isEmpty()) {
                        System.out.println("failed requests on " + page + " (" + lang + ", " + viewport.name() + "): " + failed);
                    }
                    List<WebElement> errors = browser.driver().findElements(By.cssSelector("#view > .error, .card .error"));
                    assertTrue(!complete || errors.isEmpty(), page + " (" + lang + ", " + viewport.name()
                            + ") loaded without errors: " + errors.stream().map(WebElement::getText).toList());
                    long overflow = ((Number) browser.script(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
                    assertTrue(overflow <= 1, page + " fits the " + viewport.name() + " width, overflow " + overflow + "px");
                    Path file = SCREENSHOTS.resolve(lang + "-" + viewport.name() + "-" + page + ".png");
                    browser.screenshot(viewport, file);
                    assertTrue(Files.size(file) > 10_000, "screenshot " + file + " has content");
                    List<WebElement> add = browser.driver().findElements(By.cssSelector("#new-rule, #new-source"));
                    if (!add.isEmpty()) {
                        add.get(0).click();
                        browser.await(By.cssSelector("form.edit"));
                        browser.screenshot(viewport, SCREENSHOTS.resolve(lang + "-" + viewport.name() + "-" + page + "-form.png"));
                    }
                }
            }
        }
    }

    private static Map<String, String> pageWindow() {
        WebElement view = browser.driver().findElement(By.id("view"));
        return Map.of("from", view.getAttribute("data-from"), "to", view.getAttribute("data-to"),
                "interval", view.getAttribute("data-interval"));
    }

    private static String tileValue(String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("data-value");
    }

    private static String tileText(String id) {
        return browser.driver().findElement(By.cssSelector("#" + id + " .value")).getText();
    }

    private static Map<String, Object> chartSums(String id) {
        return browser.script(
                "const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "const out = {};"
                        + "for (const s of c.getOption().series) {"
                        + "  out[s.id] = s.data.reduce((sum, d) => sum + (Array.isArray(d) ? (d[1] || 0) : (d || 0)), 0);"
                        + "  out[s.id + '.points'] = s.data.length;"
                        + "}"
                        + "return out;", id);
    }
}
