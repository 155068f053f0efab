package cn.pubdata.approval.developer;

import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** When an operator exits, every developer applying to it or working on its platform loses its access. */
@Component
public class DevelopersOnExit {

    private final Developers developers;
    private final RuntimeService runtime;

    public DevelopersOnExit(Developers developers, RuntimeService runtime) {
        this.developers = developers;
        this.runtime = runtime;
    }

    /** @return the names of the developers whose onboarding or access ended */
    public java.util.List<String> end(String operatorCreditCode, String jurisdiction, String reason) {
        java.util.List<String> ended = new java.util.ArrayList<>();
        for (DeveloperApplication a : developers.activeAt(operatorCreditCode, jurisdiction)) {
            boolean correlated = !runtime.createMessageCorrelation(DeveloperProcess.MESSAGE_OPERATOR_EXITED)
                    .processInstanceId(a.processInstanceId())
                    .setVariable("accessEndReason", reason)
                    .correlateAllWithResult()
                    .isEmpty();
            if (correlated) {
                ended.add("开发利用主体「" + a.developerName() + "」");
            }
        }
        return ended;
    }
}
