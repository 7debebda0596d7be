package dev.gracefulworker.emulator.aws;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** EKS clusters that DescribeCluster reports, with their authentication mode and access entries. */
public final class Eks {

  /** The authentication modes EKS knows; access entries need one of the last two. */
  public static final Set<String> AUTHENTICATION_MODES = Set.of("CONFIG_MAP", "API_AND_CONFIG_MAP", "API");

  private final Clock clock;
  private final Map<String, EksCluster> clusters = new ConcurrentHashMap<>();
  private final Map<String, Map<String, EksAccessEntry>> accessEntries = new ConcurrentHashMap<>();

  Eks(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds (or replaces) an ACTIVE cluster in authentication mode {@code API_AND_CONFIG_MAP}.
   *
   * @param endpoint the Kubernetes API server, e.g. the kube emulator's HTTPS URL
   * @param caPem the CA certificate that signs that server's certificate, PEM
   */
  public void addCluster(String name, URI endpoint, String caPem) {
    clusters.put(name, new EksCluster(name, endpoint, caPem, clock.instant(), "API_AND_CONFIG_MAP"));
    accessEntries.put(name, new ConcurrentHashMap<>());
  }

  /** Sets the cluster's {@code accessConfig.authenticationMode}: CONFIG_MAP, API_AND_CONFIG_MAP or API. */
  public void setAuthenticationMode(String clusterName, String mode) {
    if (!AUTHENTICATION_MODES.contains(mode)) {
      throw new IllegalArgumentException("authentication mode is one of " + AUTHENTICATION_MODES + ", not " + mode);
    }
    clusters.computeIfPresent(clusterName, (name, cluster) -> cluster.withAuthenticationMode(mode));
  }

  /** Adds (or replaces) a STANDARD access entry for the principal; the cluster must exist. */
  public void addAccessEntry(String clusterName, String principalArn, List<String> kubernetesGroups) {
    var entries = accessEntries.get(clusterName);
    if (entries == null) {
      throw new IllegalArgumentException("no cluster " + clusterName + ": addCluster first");
    }
    entries.put(principalArn, new EksAccessEntry(clusterName, principalArn, kubernetesGroups, clock.instant()));
  }

  Optional<EksCluster> cluster(String name) {
    return Optional.ofNullable(clusters.get(name));
  }

  /** The cluster's entries, by principal ARN; the cluster must exist. */
  Map<String, EksAccessEntry> accessEntries(String clusterName) {
    return accessEntries.getOrDefault(clusterName, Map.of());
  }
}
