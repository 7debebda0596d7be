package dev.gracefulworker.e2e;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code test/run-local --html}: the page opened in headless Chromium. The DOM the browser built shows which states the
 * execution entered and where it failed; the screenshot shows the highlights were drawn.
 */
class ExecutionPageInBrowserTest {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 2000;
    /** The fill of a state the execution entered, and of the state it failed in (see DotRenderer). */
    private static final int ENTERED_FILL = 0xe9f5e6;
    private static final int FAILED_FILL = 0xfde7e4;

    @TempDir
    Path directory;

    @Test
    void defaultRun_pageShowsThePollLoopEnteredFourTimes_andTheDrainedCompletion() throws Exception {
        Path page = directory.resolve("run.html");
        assertThat(run("--html", page.toString())).isZero();

        Document dom = Jsoup.parse(chromium().dumpDom(page));

        assertThat(dom.select(".execution .status").text()).isEqualTo("SUCCEEDED");
        assertThat(state(dom, "state-check-pods").classNames()).contains("visited");
        assertThat(state(dom, "state-check-pods").text()).contains("Check pods", "×4");
        assertThat(state(dom, "state-wait-before-next-check").text()).contains("×3");
        assertThat(state(dom, "state-complete-drained").classNames()).contains("visited").doesNotContain("failed");
        assertThat(state(dom, "state-complete-max-wait-reached").classNames()).contains("unvisited")
                .doesNotContain("visited");
        assertThat(state(dom, "state-failure-policy").classNames()).contains("unvisited");
        assertThat(dom.select(".timeline tbody tr")).hasSize(23);
        assertThat(dom.select(".timeline tr[data-state=Complete (drained)] td.detail").text())
                .contains("gwt-complete-lifecycle-action", "reason: drained");
        assertThat(dom.select("pre.output").text()).contains("\"outcome\" : \"completed\"", "\"polls\" : 4");

        BufferedImage screenshot = screenshot(page);
        assertThat(pixelsOf(screenshot, ENTERED_FILL)).as("pixels of entered states").isGreaterThan(5_000);
        assertThat(pixelsOf(screenshot, FAILED_FILL)).as("pixels of a failed state").isLessThan(300);
    }

    @Test
    void failingRun_pageMarksTheFailedStateWithItsError_andTheCaughtOne() throws Exception {
        Path page = directory.resolve("failed.html");
        assertThat(run("--scenario", LocalRunTest.failingScenario().toString(), "--html", page.toString())).isOne();

        Document dom = Jsoup.parse(chromium().dumpDom(page));

        assertThat(dom.select(".execution .status").text()).isEqualTo("FAILED");
        assertThat(dom.select(".failure pre.error").text()).isEqualTo("dev.gracefulworker.functions.RetryableException");
        assertThat(state(dom, "state-drain-failed").classNames()).contains("visited", "failed");
        assertThat(state(dom, "state-drain-failed").text()).contains("✗ RetryableException");
        assertThat(state(dom, "state-check-pods").classNames()).contains("caught");
        assertThat(state(dom, "state-check-pods").text()).contains("caught RetryableException");
        assertThat(state(dom, "state-complete-after-failure").classNames()).contains("visited");
        assertThat(state(dom, "state-complete-drained").classNames()).contains("unvisited");
        // no Retry on Check pods: each failed check goes round the loop with a heartbeat that needs no Lambda
        assertThat(state(dom, "state-keep-the-hook-alive-after-a-failed-check").text()).contains("×3");

        BufferedImage screenshot = screenshot(page);
        assertThat(pixelsOf(screenshot, FAILED_FILL)).as("pixels of the failed state").isGreaterThan(300);
    }

    private HeadlessChromium chromium() {
        return new HeadlessChromium(directory);
    }

    private BufferedImage screenshot(Path page) throws Exception {
        Path png = chromium().screenshot(page, directory.resolve(page.getFileName() + ".png"), WIDTH, HEIGHT);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        return image;
    }

    /** The graph node of a state: Graphviz's {@code <g id=… class="node state …">}. */
    private static Element state(Document dom, String id) {
        Element node = dom.getElementById(id);
        assertThat(node).as("the graph node #%s", id).isNotNull();
        return node;
    }

    private static long pixelsOf(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exitCode = LocalRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).as("what run-local printed on stderr").isEmpty();
        return exitCode;
    }
}
