package dev.gracefulworker.statemachine.graph;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Graphviz DOT text of a state graph, plain or with an execution's path drawn on it. Nodes carry an {@code id}
 * ({@code state-check-pods}) and {@code class}es ({@code state task visited}) that Graphviz copies into its SVG, so a
 * page can style them and a test can find them.
 */
public final class DotRenderer {

    private static final String START = "__start__";
    private static final String END = "__end__";
    private static final String FONT = "Helvetica,Arial,sans-serif";
    private static final String BORDER = "#7d8998";
    private static final String GREEN = "#1d8102";
    private static final String RED = "#d13212";
    private static final String ORANGE = "#e07900";
    private static final String MUTED = "#9ba7b6";

    private DotRenderer() {
    }

    /** The plain picture of the definition. */
    public static String render(StateGraph graph) {
        return render(graph, ExecutionPath.NONE);
    }

    /** The picture with the execution's path: states entered green with their count, caught orange, failed red. */
    public static String render(StateGraph graph, ExecutionPath path) {
        StateClusters clusters = StateClusters.of(graph);
        var dot = new StringBuilder();
        dot.append("digraph workflow {\n")
                .append("  graph [rankdir=TB, nodesep=0.3, ranksep=0.42, fontname=\"").append(FONT)
                .append("\", fontsize=10, labeljust=l, bgcolor=white];\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, color=\"").append(BORDER)
                .append("\", fontname=\"").append(FONT).append("\", fontsize=11, margin=\"0.16,0.05\", height=0.42];\n")
                .append("  edge [color=\"").append(BORDER).append("\", fontcolor=\"#5f6b7a\", fontname=\"").append(FONT)
                .append("\", fontsize=9, arrowsize=0.7];\n")
                .append("  ").append(quoted(START)).append(" [id=\"start\", class=\"terminal start\", label=\"Start\",")
                .append(" shape=circle, width=0.55, fixedsize=true, fontsize=9, fillcolor=\"#f2f3f3\"];\n");
        Set<StateClusters.Cluster> written = new HashSet<>();
        int clusterNumber = 0;
        for (GraphState state : graph.states()) {
            var cluster = clusters.clusterOf(state.name());
            if (cluster.isEmpty()) {
                dot.append("  ").append(node(state, path)).append('\n');
            } else if (written.add(cluster.get())) {
                appendCluster(dot, cluster.get(), ++clusterNumber, graph, path);
            }
        }
        dot.append("  ").append(quoted(END)).append(" [id=\"end\", class=\"terminal end\", label=\"End\",")
                .append(" shape=circle, width=0.55, fixedsize=true, fontsize=9, fillcolor=\"#f2f3f3\"];\n");
        dot.append("  ").append(edge(START, graph.startAt(), "transition start", path, "")).append('\n');
        for (Transition transition : graph.transitions()) {
            dot.append("  ").append(edge(transition, path)).append('\n');
        }
        for (GraphState state : graph.states()) {
            if (state.ends()) {
                boolean taken = path.isExecution() && path.timesEntered(state.name()) > 0
                        && path.failure().map(failure -> failure.stateName().equals(state.name())).orElse(true);
                dot.append("  ").append(quoted(state.name())).append(" -> ").append(quoted(END))
                        .append(" [class=\"transition end").append(taken ? " taken" : "").append("\", color=\"")
                        .append(taken ? GREEN : "#c6ccd4").append("\"").append(taken ? ", penwidth=2" : "")
                        .append("];\n");
            }
        }
        return dot.append("}\n").toString();
    }

    private static void appendCluster(StringBuilder dot, StateClusters.Cluster cluster, int number, StateGraph graph,
                                      ExecutionPath path) {
        String color = switch (cluster.kind()) {
            case LOOP -> "#0972d3";
            case ALTERNATIVES -> BORDER;
            case FAILURE_PATH -> RED;
        };
        String background = switch (cluster.kind()) {
            case LOOP -> "#f2f8fd";
            case ALTERNATIVES -> "#f8f8f8";
            case FAILURE_PATH -> "#fff5f4";
        };
        dot.append("  subgraph cluster_").append(number).append(" {\n")
                .append("    id=\"cluster-").append(slug(cluster.kind().name())).append('-').append(number)
                .append("\"; class=\"cluster ").append(slug(cluster.kind().name())).append("\";\n")
                .append("    label=").append(quoted(cluster.label())).append("; fontcolor=\"").append(color)
                .append("\"; pencolor=\"").append(color).append("\"; fillcolor=\"").append(background).append("\"; style=\"")
                .append(cluster.kind() == StateClusters.Kind.FAILURE_PATH ? "dashed,rounded,filled" : "rounded,filled")
                .append("\";\n");
        cluster.states().forEach(name -> graph.state(name)
                .ifPresent(state -> dot.append("    ").append(node(state, path)).append('\n')));
        dot.append("  }\n");
    }

    private static String node(GraphState state, ExecutionPath path) {
        int times = path.timesEntered(state.name());
        String caught = path.caught().get(state.name());
        var failure = path.failure().filter(failed -> failed.stateName().equals(state.name()));
        var classes = new StringBuilder("state ").append(state.type().toLowerCase(Locale.ROOT));
        String fill = "white";
        String border = state.ends() ? (state.isFail() ? RED : GREEN) : BORDER;
        String fontColor = "black";
        String width = "1";
        if (path.isExecution()) {
            classes.append(times > 0 ? " visited" : " unvisited");
            if (times > 0) {
                fill = "#e9f5e6";
                border = GREEN;
                width = "2";
            } else {
                border = "#c6ccd4";
                fontColor = MUTED;
            }
            if (caught != null) {
                classes.append(" caught");
                fill = "#fff3e0";
                border = ORANGE;
            }
            if (failure.isPresent()) {
                classes.append(" failed");
                fill = "#fde7e4";
                border = RED;
            }
        }
        var label = new StringBuilder("<").append(html(state.name()));
        if (times > 0) {
            label.append("&#160;<B>×").append(times).append("</B>");
        }
        label.append("<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#687078\">")
                .append(html(state.functionName().map(function -> "Lambda · " + function).orElse(state.type())))
                .append("</FONT>");
        String error = failure.map(ExecutionPath.Failure::error).orElse(caught);
        if (error != null) {
            label.append("<BR/><FONT POINT-SIZE=\"8\" COLOR=\"").append(failure.isPresent() ? RED : ORANGE)
                    .append("\">").append(html((failure.isPresent() ? "✗ " : "caught ") + shortError(error)))
                    .append("</FONT>");
        }
        label.append('>');
        return quoted(state.name()) + " [id=\"state-" + slug(state.name()) + "\", class=\"" + classes + "\", label="
                + label + ", fillcolor=\"" + fill + "\", color=\"" + border + "\", fontcolor=\"" + fontColor
                + "\", penwidth=" + width + "];";
    }

    private static String edge(Transition transition, ExecutionPath path) {
        String kind = transition.kind().name().toLowerCase(Locale.ROOT);
        var attributes = new StringBuilder();
        if (transition.isCatch()) {
            // one label per Catch arrow would repeat "States.ALL" a dozen times: the errors go in the tooltip
            attributes.append(", style=dashed, tooltip=").append(quoted(transition.label()));
            if (!path.taken().contains(new ExecutionPath.Step(transition.from(), transition.to()))) {
                attributes.append(", color=\"").append(RED).append("\"");
            }
        } else if (!transition.label().isEmpty()) {
            attributes.append(", label=").append(quoted(transition.label()));
        }
        return edge(transition.from(), transition.to(), "transition " + kind, path, attributes.toString());
    }

    private static String edge(String from, String to, String classes, ExecutionPath path, String attributes) {
        boolean taken = path.taken().contains(new ExecutionPath.Step(from, to))
                || (from.equals(START) && path.timesEntered(to) > 0);
        return quoted(from) + " -> " + quoted(to) + " [class=\"" + classes + (taken ? " taken" : "") + "\""
                + attributes + (taken ? ", color=\"" + GREEN + "\", penwidth=2" : "") + "];";
    }

    /** An error's last name ({@code dev.….RetryableException} → {@code RetryableException}); States.* errors whole. */
    private static String shortError(String error) {
        return error.startsWith("States.") ? error : error.substring(error.lastIndexOf('.') + 1);
    }

    /** A name as an id: {@code Complete (drained)} → {@code complete-drained}. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-|-$", "");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
