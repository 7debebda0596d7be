package dev.gracefulworker.functions.liveness;

import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.aws.AwsApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * {@link InstanceDirectory} through one EC2 Query API call, DescribeInstances, signed with the SDK's SigV4 signer
 * and sent with the SDK's HTTP client. Why not the EC2 SDK client: its jar is 26 MB (every EC2 operation and
 * model) for this single call, more than a third of the function's package.
 */
public final class Ec2QueryInstanceDirectory implements InstanceDirectory {

    static final String API_VERSION = "2016-11-15";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public Ec2QueryInstanceDirectory(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public Optional<InstanceInfo> find(String instanceId) {
        try {
            Document xml = describe("DescribeInstances " + instanceId, "&InstanceId.1=" + encode(instanceId));
            return instances(xml).stream().filter(instance -> instance.instanceId().equals(instanceId)).findFirst();
        } catch (AwsApiException e) {
            if (e.errorCode().startsWith("InvalidInstanceID")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The instances holding a private DNS name (the usual EKS node name), through the {@code private-dns-name}
     * filter: usually one, none once the instance is terminated (EC2 then reports an empty name).
     */
    public List<InstanceInfo> findByPrivateDnsName(String privateDnsName) {
        return instances(describe("DescribeInstances private-dns-name=" + privateDnsName,
                "&Filter.1.Name=private-dns-name&Filter.1.Value.1=" + encode(privateDnsName)));
    }

    private record Answer(int status, byte[] body) {}

    /** One DescribeInstances call; an error answer is thrown, retryable when EC2 says to slow down or failed. */
    private Document describe(String operation, String parameters) {
        Answer answer = post(operation, "Action=DescribeInstances&Version=" + API_VERSION + parameters);
        Document xml = parse(operation, answer.body());
        if (answer.status() == 200) {
            return xml;
        }
        String code = text(xml.getDocumentElement(), "Code").orElse("HTTP " + answer.status());
        String message = text(xml.getDocumentElement(), "Message").orElse("");
        if (answer.status() >= 500 || code.equals("RequestLimitExceeded") || code.contains("Throttl")) {
            throw new RetryableException(operation + " failed: " + code + ": " + message, null);
        }
        throw new AwsApiException(operation, code, message);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer post(String operation, String form) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        try {
            SignedRequest signed = signer.sign(r -> r
                    .identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromUtf8String(form))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "ec2")
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElseThrow())
                            .build())
                    .call();
            byte[] body;
            try (InputStream stream = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
                body = stream.readAllBytes();
            }
            return new Answer(response.httpResponse().statusCode(), body);
        } catch (IOException | RuntimeException e) {
            throw new RetryableException(operation + " failed: " + e, e);
        }
    }

    private static List<InstanceInfo> instances(Document xml) {
        List<InstanceInfo> found = new ArrayList<>();
        NodeList sets = xml.getElementsByTagName("instancesSet");
        for (int i = 0; i < sets.getLength(); i++) {
            for (Element item : children((Element) sets.item(i), "item")) {
                text(item, "instanceId").ifPresent(instanceId -> {
                    String state = child(item, "instanceState").flatMap(s -> text(s, "name")).orElse("unknown");
                    String zone = child(item, "placement").flatMap(p -> text(p, "availabilityZone")).orElse(null);
                    String dns = text(item, "privateDnsName").filter(d -> !d.isBlank()).orElse(null);
                    found.add(new InstanceInfo(instanceId, state, zone, dns));
                });
            }
        }
        return found;
    }

    private static Document parse(String operation, byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // an answer from the network never gets to pull in DTDs or external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new RetryableException(operation + " failed: the answer is not XML (" + e.getMessage() + ")", e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The text of the first descendant element with this name. */
    private static Optional<String> text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().strip());
    }
}
