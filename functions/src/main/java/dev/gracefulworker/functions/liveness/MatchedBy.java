package dev.gracefulworker.functions.liveness;

/** How a node was found for an instance (the JSON values are these names). */
public enum MatchedBy {
    providerID,
    privateDnsName,
    hostnameLabel
}
