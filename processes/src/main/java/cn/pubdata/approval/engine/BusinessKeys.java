package cn.pubdata.approval.engine;

import cn.pubdata.approval.timeline.Subjects;
import org.springframework.stereotype.Component;

/** Business keys for the models' expressions, e.g. a called scenario's {@code ${businessKeys.scenario(scenarioId)}}. */
@Component("businessKeys")
public class BusinessKeys {

    public String scenario(Number scenarioId) {
        return Subjects.scenario(scenarioId.longValue());
    }
}
