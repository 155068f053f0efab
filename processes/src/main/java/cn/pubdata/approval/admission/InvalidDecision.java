package cn.pubdata.approval.admission;

import org.operaton.bpm.engine.BadUserRequestException;

/** A reviewer's decision that cannot be accepted as entered; the task stays open and nothing is recorded. */
public class InvalidDecision extends BadUserRequestException {

    public InvalidDecision(String message) {
        super(message);
    }
}
