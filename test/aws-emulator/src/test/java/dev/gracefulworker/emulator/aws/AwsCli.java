package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real AWS CLI against the emulator, isolated from the machine's AWS configuration. */
final class AwsCli {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INSTALL_HINT =
      "the AWS CLI ('aws') is not on PATH: install it (pip install awscli, or apt-get install -y awscli); "
          + ".ci/run installs it";

  /**
   * What one command printed.
   *
   * @param exitCode the process's exit code
   * @param stdout standard output
   * @param stderr standard error
   */
  record Result(int exitCode, String stdout, String stderr) {

    JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError("the AWS CLI did not print JSON: " + stdout + stderr, e);
      }
    }
  }

  /** How the CLI learns the endpoint: the {@code --endpoint-url} option, or {@code AWS_ENDPOINT_URL}. */
  enum EndpointVia { OPTION, ENVIRONMENT }

  private final Path executable;
  private final URI endpoint;
  private final EndpointVia endpointVia;
  private final Map<String, String> environment;

  private AwsCli(Path executable, URI endpoint, EndpointVia endpointVia, Map<String, String> environment) {
    this.executable = executable;
    this.endpoint = endpoint;
    this.endpointVia = endpointVia;
    this.environment = Map.copyOf(environment);
  }

  /** The CLI on PATH pointed at the endpoint; fails the test (never skips it) when the CLI is missing. */
  static AwsCli against(URI endpoint, EndpointVia endpointVia) {
    return new AwsCli(findOnPath("aws").orElseGet(() -> fail(INSTALL_HINT)), endpoint, endpointVia, Map.of());
  }

  /** The same CLI making one attempt per command ({@code AWS_MAX_ATTEMPTS=1}), so a throttled call is printed. */
  AwsCli withoutRetries() {
    return new AwsCli(executable, endpoint, endpointVia, Map.of("AWS_MAX_ATTEMPTS", "1"));
  }

  Result run(String... args) {
    var command = new ArrayList<>(List.of(executable.toString(), "--output", "json"));
    if (endpointVia == EndpointVia.OPTION) {
      command.addAll(List.of("--endpoint-url", endpoint.toString()));
    }
    command.addAll(Arrays.asList(args));
    try {
      var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      isolate(builder.environment());
      builder.environment().putAll(environment);
      if (endpointVia == EndpointVia.ENVIRONMENT) {
        builder.environment().put("AWS_ENDPOINT_URL", endpoint.toString());
      }
      Process process = builder.start();
      CompletableFuture<String> stdout = read(process.getInputStream());
      CompletableFuture<String> stderr = read(process.getErrorStream());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the AWS CLI did not finish within 120 s: " + command);
      }
      return new Result(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static void isolate(Map<String, String> env) {
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", "eu-west-1");
    env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
    env.remove("AWS_SESSION_TOKEN");
    env.remove("AWS_PROFILE");
    env.remove("AWS_ENDPOINT_URL");
    env.remove("AWS_MAX_ATTEMPTS");
    env.remove("AWS_RETRY_MODE");
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Optional<Path> findOnPath(String name) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
