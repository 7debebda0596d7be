package dev.gracefulworker.e2e.page;

import dev.gracefulworker.e2e.TranscriptRow;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.statemachine.graph.DotRenderer;
import dev.gracefulworker.statemachine.graph.GraphvizSvg;
import dev.gracefulworker.statemachine.graph.StateGraph;

import java.util.List;
import java.util.Locale;

/**
 * A local run as one self-contained HTML page, read like the console's execution view: per execution its status, the
 * graph with the path it took (states entered green with their count, the failed state red with its error), its error
 * and cause or its output; then the run's timeline, the rows {@code test/run-local} prints. Inline SVG and CSS only:
 * the page loads nothing.
 *
 * @param definition       the definition's path as the header names it
 * @param graph            the graph of the definition the executions ran
 * @param results          the executions, in the order they ran
 * @param timeline         the transcript's rows
 * @param scenarioSeconds  the scenario time the run reached
 * @param lambdaInvocations every Lambda invocation of the run
 */
public record ExecutionPage(String definition, StateGraph graph, List<ExecutionResult> results,
                            List<TranscriptRow> timeline, long scenarioSeconds, int lambdaInvocations) {

    private static final String STYLE = """
            :root { --green: #1d8102; --red: #d13212; --orange: #e07900; --grey: #5f6b7a; --line: #e9ebed; }
            body { font-family: "Amazon Ember", Helvetica, Arial, sans-serif; color: #16191f; margin: 24px 32px;
                   background: #fafafa; }
            h1 { font-size: 20px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 0 0 6px; }
            h3 { font-size: 14px; margin: 16px 0 6px; }
            .definition, .summary { color: var(--grey); margin: 0 0 12px; font-size: 13px; }
            section { background: white; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px;
                      margin: 16px 0; }
            .status { display: inline-block; padding: 2px 10px; border-radius: 12px; font-size: 13px;
                      font-weight: bold; margin-right: 8px; color: white; }
            .status.succeeded { background: var(--green); }
            .status.failed { background: var(--red); }
            .legend { font-size: 12px; color: var(--grey); display: flex; gap: 16px; margin: 8px 0; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -2px;
                      margin-right: 4px; border: 2px solid; }
            .swatch.visited { background: #e9f5e6; border-color: var(--green); }
            .swatch.caught { background: #fff3e0; border-color: var(--orange); }
            .swatch.failed { background: #fde7e4; border-color: var(--red); }
            .swatch.unvisited { background: white; border-color: #c6ccd4; }
            figure.graph { margin: 0; overflow-x: auto; }
            figure.graph svg { max-width: 100%; height: auto; }
            .failure { border-left: 4px solid var(--red); background: #fff5f4; padding: 4px 12px; }
            pre { background: #f4f4f4; padding: 10px 12px; border-radius: 6px; font-size: 12px; white-space: pre-wrap;
                  word-break: break-all; }
            table { border-collapse: collapse; width: 100%; font-size: 12px; }
            th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { color: var(--grey); font-weight: normal; }
            td.state { white-space: nowrap; font-weight: bold; }
            td.detail { font-family: ui-monospace, monospace; color: #333; word-break: break-all; }
            td.detail .result { color: var(--green); }
            tr.retried td.detail, tr.caught td.detail { color: var(--orange); }
            tr.failed td { color: var(--red); }
            """;

    public ExecutionPage {
        results = List.copyOf(results);
        timeline = List.copyOf(timeline);
    }

    /** The page; runs Graphviz once per execution (fails with {@link GraphvizSvg#INSTALL_HINT} without it). */
    public String html() {
        var page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<header>\n<h1>graceful-worker-terminator: local run</h1>\n<p class=\"definition\">")
                .append(Html.escape(definition)).append(" · ").append(scenarioSeconds).append(" s of scenario time · ")
                .append(lambdaInvocations).append(" Lambda invocations</p>\n</header>\n");
        for (int i = 0; i < results.size(); i++) {
            appendExecution(page, i + 1, results.get(i));
        }
        appendTimeline(page);
        return page.append("</body>\n</html>\n").toString();
    }

    private String title() {
        return results.stream().map(result -> result.executionName() + " " + result.status())
                .reduce((a, b) -> a + ", " + b).orElse("no execution started");
    }

    private void appendExecution(StringBuilder page, int number, ExecutionResult result) {
        String status = result.status().name().toLowerCase(Locale.ROOT);
        page.append("<section class=\"execution ").append(status).append("\" id=\"execution-").append(number)
                .append("\">\n<h2><span class=\"status ").append(status).append("\">").append(result.status())
                .append("</span><span class=\"name\">").append(Html.escape(result.executionName())).append("</span></h2>\n")
                .append("<p class=\"summary\">").append(result.statesEntered().size()).append(" states entered</p>\n");
        if (result.status() == ExecutionStatus.FAILED) {
            page.append("<div class=\"failure\">\n<h3>Error</h3>\n<pre class=\"error\">").append(Html.escape(result.error()))
                    .append("</pre>\n<h3>Cause</h3>\n<pre class=\"cause\">").append(Html.escape(result.cause()))
                    .append("</pre>\n</div>\n");
        }
        page.append("""
                <div class="legend"><span><i class="swatch visited"></i>entered (×&nbsp;times)</span>\
                <span><i class="swatch caught"></i>error caught</span><span><i class="swatch failed"></i>failed</span>\
                <span><i class="swatch unvisited"></i>not entered</span><span>- - - Catch</span></div>
                """)
                .append("<figure class=\"graph\">\n").append(svg(result)).append("</figure>\n");
        if (result.status() == ExecutionStatus.SUCCEEDED && result.output() != null) {
            page.append("<h3>Output</h3>\n<pre class=\"output\">").append(Html.escape(result.output().toPrettyString()))
                    .append("</pre>\n");
        }
        page.append("</section>\n");
    }

    /** Graphviz's SVG without its XML prologue, which has no place inside HTML. */
    private String svg(ExecutionResult result) {
        String svg = GraphvizSvg.render(DotRenderer.render(graph, ExecutionPaths.of(result)));
        return svg.substring(svg.indexOf("<svg"));
    }

    private void appendTimeline(StringBuilder page) {
        page.append("<section class=\"timeline\">\n<h2>Timeline</h2>\n<table>\n<thead><tr><th>#</th><th>time</th>")
                .append("<th>state</th><th>type</th><th>detail</th></tr></thead>\n<tbody>\n");
        for (TranscriptRow row : timeline) {
            page.append("<tr class=\"").append(rowClass(row)).append("\" data-state=\"").append(Html.escape(row.state()))
                    .append("\"><td>").append(row.order()).append("</td><td>").append(row.time())
                    .append("</td><td class=\"state\">").append(Html.escape(row.state())).append("</td><td>")
                    .append(Html.escape(row.type())).append("</td><td class=\"detail\">").append(Html.escape(row.detail()));
            if (row.result() != null) {
                page.append("<br><span class=\"result\">→ ").append(Html.escape(row.result())).append("</span>");
            }
            page.append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</section>\n");
    }

    private static String rowClass(TranscriptRow row) {
        return row.kind() == TranscriptRow.Kind.STATE ? row.type().toLowerCase(Locale.ROOT)
                : row.kind().name().toLowerCase(Locale.ROOT);
    }
}
