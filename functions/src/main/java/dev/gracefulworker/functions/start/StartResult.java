package dev.gracefulworker.functions.start;

import java.util.List;

/** The starter's answer: one result per SNS record. */
public record StartResult(List<NotificationResult> notifications) {

    public StartResult {
        notifications = List.copyOf(notifications);
    }
}
