package cn.pubdata.approval.agreement;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an agreement stands after its permissions were opened: 试运营 → 运营中 → 整改中 / 暂停 → 退出中 → 已退出, or, at
 * expiry, 已由新协议接续 when a new admission renewed it. 已退出 and 已由新协议接续 are final: an exit cannot be undone.
 */
public enum AgreementState {
    TRIAL("试运营"),
    OPERATING("运营中"),
    RECTIFYING("整改中"),
    SUSPENDED("暂停"),
    EXITING("退出中"),
    EXITED("已退出"),
    SUPERSEDED("已由新协议接续");

    private final String label;

    AgreementState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == EXITED || this == SUPERSEDED;
    }

    /** The states this one may change to. */
    public Set<AgreementState> next() {
        return switch (this) {
            case TRIAL -> EnumSet.of(OPERATING, RECTIFYING, SUSPENDED, EXITING, SUPERSEDED);
            case OPERATING -> EnumSet.of(RECTIFYING, SUSPENDED, EXITING, SUPERSEDED);
            case RECTIFYING -> EnumSet.of(TRIAL, OPERATING, SUSPENDED, EXITING);
            case SUSPENDED -> EnumSet.of(TRIAL, OPERATING, RECTIFYING, EXITING);
            // an exit the authority did not decide returns the agreement where it was
            case EXITING -> EnumSet.of(TRIAL, OPERATING, RECTIFYING, SUSPENDED, EXITED);
            case EXITED, SUPERSEDED -> EnumSet.noneOf(AgreementState.class);
        };
    }
}
