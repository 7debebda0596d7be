package dev.gracefulworker.functions.aws;

import java.net.URI;

/** AWS endpoints the functions compute themselves: where a call goes when no endpoint override is set. */
public final class AwsEndpoints {

    private AwsEndpoints() {}

    /** EC2's regional endpoint, e.g. {@code https://ec2.eu-west-1.amazonaws.com}; China regions use their own domain. */
    public static URI ec2(String region) {
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://ec2." + region + "." + domain);
    }
}
