package dev.gracefulworker.emulator.aws;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** EKS clusters that DescribeCluster reports. */
public final class Eks {

  private final Clock clock;
  private final Map<String, EksCluster> clusters = new ConcurrentHashMap<>();

  Eks(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds (or replaces) an ACTIVE cluster.
   *
   * @param endpoint the Kubernetes API server, e.g. the kube emulator's HTTPS URL
   * @param caPem the CA certificate that signs that server's certificate, PEM
   */
  public void addCluster(String name, URI endpoint, String caPem) {
    clusters.put(name, new EksCluster(name, endpoint, caPem, clock.instant()));
  }

  Optional<EksCluster> cluster(String name) {
    return Optional.ofNullable(clusters.get(name));
  }
}
