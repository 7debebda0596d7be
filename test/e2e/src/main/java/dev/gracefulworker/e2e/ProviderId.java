package dev.gracefulworker.e2e;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node's {@code spec.providerID} on AWS: {@code aws:///<availability zone>/<instance id>}. */
public record ProviderId(String availabilityZone, String instanceId) {

    private static final Pattern AWS = Pattern.compile("^aws:///([a-z0-9-]+)/(i-[0-9a-f]+)$");

    /** The zone and instance of an AWS provider ID; empty for any other provider or a malformed ID. */
    public static Optional<ProviderId> parse(String providerId) {
        if (providerId == null) {
            return Optional.empty();
        }
        Matcher matcher = AWS.matcher(providerId);
        return matcher.matches() ? Optional.of(new ProviderId(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
