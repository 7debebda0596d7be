package dev.gracefulworker.functions.start;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutionNameTest {

    @Test
    void nameIsInstanceIdThenToken() {
        assertThat(ExecutionName.of("i-0a1b2c3d4e5f60718", "3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18"))
                .isEqualTo("i-0a1b2c3d4e5f60718-3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18");
    }

    @Test
    void sameMessage_alwaysGivesTheSameName() {
        assertThat(ExecutionName.of("i-0a1b2c3d", "t-1")).isEqualTo(ExecutionName.of("i-0a1b2c3d", "t-1"));
    }

    @Test
    void charactersStepFunctionsRefuses_areReplaced() {
        assertThat(ExecutionName.of("i-0a1b2c3d", "a b/c:d{e}*?é")).isEqualTo("i-0a1b2c3d-a_b_c_d_e____");
    }

    @Test
    void longName_isCutAtEightyCharacters() {
        String name = ExecutionName.of("i-0a1b2c3d4e5f60718", "x".repeat(100));

        assertThat(name).hasSize(80).startsWith("i-0a1b2c3d4e5f60718-xxx");
    }
}
