package cn.pubdata.approval.worker;

/** An outcome the BPMN model catches with an error boundary event: reported as a BPMN error, never retried. */
public class BusinessOutcome extends RuntimeException {

    private final String errorCode;

    public BusinessOutcome(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
