package dev.gracefulworker.emulator.aws;

import java.time.Instant;
import java.util.Objects;

/**
 * The current version of an emulated secret.
 *
 * @param name the secret's name
 * @param arn its ARN (name plus AWS's six random characters)
 * @param versionId the current version's id
 * @param secretString the value
 * @param createdDate when this version was put
 */
record Secret(String name, String arn, String versionId, String secretString, Instant createdDate) {

  Secret {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(secretString, "secretString");
    Objects.requireNonNull(createdDate, "createdDate");
  }
}
