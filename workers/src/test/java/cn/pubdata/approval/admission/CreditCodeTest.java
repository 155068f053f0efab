package cn.pubdata.approval.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void realCodesWithTheirCheckCharacterAreValid() {
        assertThat(CreditCode.isValid("91330100716105852F")).isTrue();
        assertThat(CreditCode.isValid("914403001922038216")).isTrue();
    }

    @Test
    void aWrongCheckCharacterLengthOrLetterIsInvalid() {
        assertThat(CreditCode.isValid("91330100716105852G")).isFalse();
        assertThat(CreditCode.isValid("9133010071610585")).isFalse();
        assertThat(CreditCode.isValid("91330100716105852I"))
                .as("I is not in the code's alphabet")
                .isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }
}
