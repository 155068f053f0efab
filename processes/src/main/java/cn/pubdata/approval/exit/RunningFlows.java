package cn.pubdata.approval.exit;

import cn.pubdata.approval.datause.DataUseRequest;
import cn.pubdata.approval.datause.DataUseStatus;
import cn.pubdata.approval.datause.DataUses;
import cn.pubdata.approval.developer.DevelopersOnExit;
import cn.pubdata.approval.product.Product;
import cn.pubdata.approval.product.Products;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The exiting operator's scenario reviews, data-use requests and product reviews still running end by message, each
 * with the exit's reason; each model closes its subject as ended ({@code ${runningFlows.end(execution)}}). The
 * developers applying to the operator or working on its platform lose their access the same way.
 */
@Component("runningFlows")
public class RunningFlows {

    private final ExitCases exits;
    private final Scenarios scenarios;
    private final DataUses dataUses;
    private final Products products;
    private final DevelopersOnExit developers;
    private final Timeline timeline;
    private final RuntimeService runtime;

    public RunningFlows(
            ExitCases exits,
            Scenarios scenarios,
            DataUses dataUses,
            Products products,
            DevelopersOnExit developers,
            Timeline timeline,
            RuntimeService runtime) {
        this.exits = exits;
        this.scenarios = scenarios;
        this.dataUses = dataUses;
        this.products = products;
        this.developers = developers;
        this.timeline = timeline;
        this.runtime = runtime;
    }

    public void end(DelegateExecution execution) {
        ExitCase exit = exits.get(((Number) execution.getVariable("exitId")).longValue());
        String reason = "运营机构退出授权运营（" + exit.trigger().label() + "），审核终止";
        List<String> ended = new ArrayList<>();
        for (Scenario s : scenarios.inReviewOf(exit.creditCode(), exit.jurisdiction())) {
            if (end(ExitProcess.MESSAGE_SCENARIO_ENDED, s.getProcessInstanceId(), reason)) {
                ended.add("场景「" + s.getName() + "」");
            }
        }
        for (DataUseRequest r : dataUses.withFlowPossiblyRunningOf(exit.creditCode(), exit.jurisdiction())) {
            if (end(ExitProcess.MESSAGE_DATA_USE_ENDED, r.getProcessInstanceId(), reason)) {
                ended.add("数据需求申请 " + r.getId() + (r.getStatus() == DataUseStatus.REFUSED ? "（申诉期）" : ""));
            }
        }
        for (Product p : products.inReviewOf(exit.creditCode(), exit.jurisdiction())) {
            if (end(ExitProcess.MESSAGE_PRODUCT_ENDED, p.getProcessInstanceId(), reason)) {
                ended.add("数据产品「" + p.getName() + "」");
            }
        }
        timeline.record(
                Subjects.exit(exit.id()),
                "终止运行中的审核 " + ended.size() + " 项",
                ended.isEmpty() ? "没有运行中的场景、数据需求或产品审核" : String.join("、", ended),
                "系统",
                "exit-flows-ended:" + exit.id());
        List<String> developersEnded = developers.end(
                exit.creditCode(),
                exit.jurisdiction(),
                "运营机构退出授权运营（" + exit.trigger().label() + "）");
        if (!developersEnded.isEmpty()) {
            timeline.record(
                    Subjects.exit(exit.id()),
                    "终止开发利用主体的入驻和平台访问 " + developersEnded.size() + " 项",
                    String.join("、", developersEnded),
                    "系统",
                    "exit-developers-ended:" + exit.id());
        }
    }

    private boolean end(String message, String processInstanceId, String reason) {
        return !runtime.createMessageCorrelation(message)
                .processInstanceId(processInstanceId)
                .setVariable("endReason", reason)
                .correlateAllWithResult()
                .isEmpty();
    }
}
