package dev.gracefulworker.emulator.aws;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Secrets that GetSecretValue answers with, found by name or by ARN. */
public final class SecretsManager {

  private static final String ARN_SUFFIX_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final Clock clock;
  private final Map<String, Secret> secretsByName = new ConcurrentHashMap<>();

  SecretsManager(Clock clock) {
    this.clock = clock;
  }

  /** Creates the secret, or puts a new current version of it (same ARN, new version id). */
  public void put(String secretId, String secretString) {
    secretsByName.compute(secretId, (name, previous) -> new Secret(name,
        previous == null ? arnFor(name) : previous.arn(), UUID.randomUUID().toString(), secretString,
        clock.instant()));
  }

  /** The secret's ARN, as GetSecretValue reports it. */
  public Optional<String> arn(String name) {
    return Optional.ofNullable(secretsByName.get(name)).map(Secret::arn);
  }

  Optional<Secret> find(String secretId) {
    return Optional.ofNullable(secretsByName.get(secretId)).or(() -> secretsByName.values().stream()
        .filter(secret -> secret.arn().equals(secretId))
        .findFirst());
  }

  private static String arnFor(String name) {
    var suffix = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      suffix.append(ARN_SUFFIX_CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(ARN_SUFFIX_CHARACTERS.length())));
    }
    return "arn:aws:secretsmanager:" + AwsService.REGION + ":" + AwsService.ACCOUNT + ":secret:" + name + "-"
        + suffix;
  }
}
