package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** Elastic Load Balancing v2 through the real SDK client: target groups, tags, and a target drained by its delay. */
class LoadBalancingTest {

  private static final String INSTANCE = "i-0a1b2c3d4e5f60718";

  private final MutableClock clock = MutableClock.at("2026-11-20T09:41:07Z");
  private final AwsEmulator emulator = AwsEmulator.start(clock);
  private final ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder()
      .endpointOverride(URI.create(emulator.endpoint().toString()))
      .region(Region.EU_WEST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
      .httpClient(UrlConnectionHttpClient.create())
      .build();

  @AfterEach
  void close() {
    elb.close();
    emulator.close();
  }

  @Test
  void targetGroupsAndTheirTags_areReadAsTheControllersWroteThem() {
    var group = emulator.loadBalancing().addTargetGroup("k8s-web-abc123", 300,
        Map.of("elbv2.k8s.aws/cluster", "demo", "service.k8s.aws/stack", "web/web"));

    var groups = elb.describeTargetGroups(r -> { }).targetGroups();
    var tags = elb.describeTags(r -> r.resourceArns(group.arn())).tagDescriptions();

    assertThat(groups).singleElement().satisfies(tg -> {
      assertThat(tg.targetGroupArn()).isEqualTo(group.arn());
      assertThat(tg.targetTypeAsString()).isEqualTo("instance");
    });
    assertThat(tags).singleElement().satisfies(description -> assertThat(description.tags())
        .anySatisfy(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("elbv2.k8s.aws/cluster=demo")));
  }

  @Test
  void deregisteredTarget_drainsForTheGroupsDelay_thenIsGone() {
    var group = emulator.loadBalancing().addTargetGroup("web", 30, Map.of());
    emulator.loadBalancing().register(group.arn(), INSTANCE);

    TargetHealthDescription before = health(group.arn());
    emulator.loadBalancing().deregister(INSTANCE);
    clock.advance(Duration.ofSeconds(29));
    TargetHealthDescription draining = health(group.arn());
    clock.advance(Duration.ofSeconds(1));

    assertThat(before.targetHealth().state()).isEqualTo(TargetHealthStateEnum.HEALTHY);
    assertThat(draining.targetHealth().state()).isEqualTo(TargetHealthStateEnum.DRAINING);
    assertThat(draining.targetHealth().reasonAsString()).isEqualTo("Target.DeregistrationInProgress");
    assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(group.arn())).targetHealthDescriptions()).isEmpty();
  }

  @Test
  void unknownTargetGroup_isTargetGroupNotFound() {
    String arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/nope/0";

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> elb.describeTargetHealth(r -> r.targetGroupArn(arn)))
        .isInstanceOf(TargetGroupNotFoundException.class);
  }

  private TargetHealthDescription health(String arn) {
    return elb.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().getFirst();
  }
}
