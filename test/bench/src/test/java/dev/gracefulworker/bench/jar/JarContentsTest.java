package dev.gracefulworker.bench.jar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JarContentsTest {

    @Test
    void awsServices_areGroupedPerService() {
        assertThat(JarContents.group("software/amazon/awssdk/services/ec2/model/Instance.class"))
                .isEqualTo("software/amazon/awssdk/services/ec2/");
    }

    @Test
    void ordinaryClasses_areGroupedByThreeSegments() {
        assertThat(JarContents.group("com/fasterxml/jackson/databind/ObjectMapper.class")).isEqualTo("com/fasterxml/jackson/");
    }

    @Test
    void shallowEntries_keepTheirFolder() {
        assertThat(JarContents.group("META-INF/MANIFEST.MF")).isEqualTo("META-INF/");
        assertThat(JarContents.group("log4j2.xml")).isEqualTo("(root)");
    }
}
