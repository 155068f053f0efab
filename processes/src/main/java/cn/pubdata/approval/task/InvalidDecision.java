package cn.pubdata.approval.task;

import org.operaton.bpm.engine.BadUserRequestException;

/** A reviewer's decision that cannot be accepted as entered; the task stays open and nothing is recorded. */
public class InvalidDecision extends BadUserRequestException {

    public InvalidDecision(String message) {
        super(message);
    }

    /** The engine wraps a listener's exception; this finds ours in the chain. */
    public static InvalidDecision in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidDecision invalid) {
                return invalid;
            }
        }
        return null;
    }
}
