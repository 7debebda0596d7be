package dev.gracefulworker.functions.settings;

import dev.gracefulworker.contract.HistoryBudget;
import dev.gracefulworker.contract.Settings;

/**
 * Input of "Apply per-group overrides": the deployed settings, the hook's NotificationMetadata, and the history
 * budget the synth counted from the definition (so the overridden settings are held to the same numbers).
 */
public record ApplySettingsOverridesRequest(Settings deployed, String notificationMetadata, HistoryBudget historyBudget) {}
