package cn.pubdata.approval.scenario;

import cn.pubdata.approval.disclosure.Disclosures;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.BusinessOutcome;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * SCN-07: publishes an approved scenario and its approved demand list on the platform. A list left empty meanwhile
 * (every resource reclassified as prohibited, CAT-01) is a business outcome the model ends with.
 */
@Component
class PublishScenarioHandler implements ExternalTaskHandler {

    private final Scenarios scenarios;
    private final Disclosures disclosures;
    private final PolicyProfiles profiles;
    private final Timeline timeline;
    private final Clock clock;

    PublishScenarioHandler(
            Scenarios scenarios, Disclosures disclosures, PolicyProfiles profiles, Timeline timeline, Clock clock) {
        this.scenarios = scenarios;
        this.disclosures = disclosures;
        this.profiles = profiles;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "scenario-publish";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("scenarioId");
        Scenario scenario = scenarios.get(id);
        List<ScenarioLine> approved = scenarios.approvedLines(id);
        if (approved.isEmpty()) {
            throw new BusinessOutcome("NO_LINE_LEFT", "数据需求清单中已没有获同意且可开放的数据资源（CAT-01、CAT-03）");
        }
        String list = approved.stream().map(ScenarioLine::describe).collect(Collectors.joining("\n"));
        disclosures.publish(
                task.dedupeKey(null),
                scenario.getJurisdiction(),
                "SCENARIO_APPROVED",
                "应用场景：" + scenario.getName() + "（" + scenario.getCompanyName() + "）",
                profiles.of(scenario.getJurisdiction()).name() + "审核通过的应用场景。领域：" + scenario.getDomain() + "；用途："
                        + scenario.getPurpose().label() + "。\n数据需求清单：\n" + list,
                clock.instant());
        scenarios.publish(id);
        timeline.record(Subjects.scenario(id), "场景及数据需求清单已在平台发布", null, "系统", task.dedupeKey("timeline"));
        return Map.of("approvedLineCount", approved.size());
    }
}
