package dev.gracefulworker.functions.settings;

import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.contract.Settings;

/**
 * Input of "Apply per-group overrides": the deployed settings, the hook's NotificationMetadata, and the limits the
 * synth counted from the definition (so the overridden settings are held to the same numbers).
 */
public record ApplySettingsOverridesRequest(Settings deployed, String notificationMetadata, DefinitionLimits limits) {}
