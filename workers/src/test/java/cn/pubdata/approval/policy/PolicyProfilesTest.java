package cn.pubdata.approval.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The per-jurisdiction values of rules.md, as the system applies them. */
class PolicyProfilesTest {

    private final PolicyProfiles profiles = new PolicyProfiles();

    @Test
    void everyJurisdictionOfTheSeedsHasAProfile() {
        assertThat(profiles.codes())
                .containsExactlyInAnyOrder("xinchang", "chizhou", "jingdezhen", "xianning", "yangxin");
    }

    @Test
    void agreementTermsFollowAdm15AndTrialPeriodsAdm16() {
        profiles.of("xinchang").checkAgreementTerm(24, 6);
        assertThatThrownBy(() -> profiles.of("xinchang").checkAgreementTerm(24, 7))
                .hasMessageContaining("不得超过 6 个月");
        profiles.of("chizhou").checkAgreementTerm(36, 0);
        assertThatThrownBy(() -> profiles.of("chizhou").checkAgreementTerm(36, 3))
                .hasMessageContaining("不设试运营期");
        profiles.of("jingdezhen").checkAgreementTerm(48, 0);
        assertThatThrownBy(() -> profiles.of("jingdezhen").checkAgreementTerm(61, 0))
                .hasMessageContaining("最长 60");
        profiles.of("xianning").checkAgreementTerm(36, 0);
    }

    @Test
    void aSilentTextTakesTheStrictestValueAndSaysSo() {
        PolicyProfile yangxin = profiles.of("yangxin");
        assertThat(yangxin.agreementTermMonths()).isEqualTo(24);
        assertThat(yangxin.strictest()).contains("agreementTermMonths", "coordinationGroups");
        assertThat(yangxin.coordinationGroups())
                .containsAll(profiles.of("xinchang").coordinationGroups());
    }

    @Test
    void securityMembersFollowRole07() {
        assertThat(profiles.of("xinchang").coordinationGroups())
                .containsExactly(
                        "security-cac", "security-crypto", "security-secrecy", "security-police", "security-state");
        assertThat(profiles.of("jingdezhen").coordinationGroups())
                .containsExactly("security-gov-affairs", "security-cac", "security-police");
    }
}
