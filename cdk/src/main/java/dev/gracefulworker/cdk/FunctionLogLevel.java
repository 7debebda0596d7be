package dev.gracefulworker.cdk;

/** The functions' log level (POWERTOOLS_LOG_LEVEL). */
public enum FunctionLogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR
}
