package cn.pubdata.approval.worker;

import java.util.Map;

/**
 * Does the work of one external-task topic. Called again for the same task when a delivery is repeated (lock expiry,
 * a crash before completion), so every effect must be idempotent. A business outcome the model handles is a
 * {@link BusinessOutcome}; anything else thrown is technical trouble reported as a failure with retries.
 */
public interface ExternalTaskHandler {

    String topic();

    /** @return the variables to complete the task with */
    Map<String, Object> handle(WorkItem task);
}
