package dev.gracefulworker.functions.start;

import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns an SNS event into executions. The event and every message in it are read before anything is started, so an
 * event holding anything malformed starts nothing and is retried (then dead-lettered) as a whole.
 */
public final class WorkflowLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowLauncher.class);

    private final SnsEventReader events = new SnsEventReader();
    private final LifecycleMessageParser parser;
    private final WorkflowStarter starter;
    private final MetricsRecorder metrics;

    public WorkflowLauncher(LifecycleMessageParser parser, WorkflowStarter starter, MetricsRecorder metrics) {
        this.parser = parser;
        this.starter = starter;
        this.metrics = metrics;
    }

    /** Starts the executions of {@code event}, the SNS event as Lambda delivers it: one result per record. */
    public StartResult launch(byte[] event) {
        return new StartResult(read(event).stream().map(this::act).toList());
    }

    /** The event and every message in it, read; anything malformed is logged, counted and thrown. */
    List<Notification> read(byte[] event) {
        List<SnsMessage> messages;
        try {
            messages = events.read(event);
        } catch (MalformedMessageException e) {
            throw rejected("the SNS event", e);
        }
        List<Notification> notifications = new ArrayList<>(messages.size());
        for (SnsMessage message : messages) {
            try {
                notifications.add(parser.parse(message.text()));
            } catch (MalformedMessageException e) {
                throw rejected(message.path(), e);
            }
        }
        return notifications;
    }

    private MalformedMessageException rejected(String place, MalformedMessageException e) {
        metrics.count(Metric.MessagesRejected, 1);
        LOG.error("rejected {}: {}", place, e.getMessage());
        return e;
    }

    private NotificationResult act(Notification notification) {
        return switch (notification) {
            case Notification.Ignored(String reason, String group) -> {
                metrics.count(Metric.NotificationsIgnored, 1);
                LOG.info("ignored notification from group {}: {}", group, reason);
                yield new NotificationResult(StartOutcome.IGNORED, null, null, reason);
            }
            case Notification.Termination(LifecycleMessage message, String raw) -> start(message, raw);
        };
    }

    private NotificationResult start(LifecycleMessage message, String raw) {
        String name = ExecutionName.of(message.instanceId(), message.lifecycleActionToken());
        MDC.put("instanceId", message.instanceId());
        MDC.put("autoScalingGroupName", message.autoScalingGroupName());
        MDC.put("lifecycleHookName", message.lifecycleHookName());
        MDC.put("executionName", name);
        StartOutcome outcome = starter.start(name, raw);
        if (outcome == StartOutcome.STARTED) {
            metrics.count(Metric.ExecutionsStarted, 1);
            LOG.info("started execution {}", name);
        } else {
            LOG.info("execution {} exists already (duplicate delivery)", name);
        }
        String reason = outcome == StartOutcome.STARTED ? "started" : "duplicate delivery";
        return new NotificationResult(outcome, message.instanceId(), name, reason);
    }
}
