package dev.gracefulworker.functions.settings;

/** Input of "Apply per-group overrides": the deployed settings and the hook's NotificationMetadata. */
public record ApplySettingsOverridesRequest(Settings deployed, String notificationMetadata) {}
