package cn.pubdata.approval.production;

import java.util.List;
import java.util.stream.Collectors;

/** The production profile refused to start; the message lists each reason in Chinese and English. */
public class NotReadyForProduction extends RuntimeException {

    private final List<ProductionReadiness.Finding> findings;

    public NotReadyForProduction(List<ProductionReadiness.Finding> findings) {
        super("生产环境（production）拒绝启动 / The production profile refuses to start:\n"
                + findings.stream().map(f -> "  - " + f).collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
    }

    public List<ProductionReadiness.Finding> findings() {
        return findings;
    }
}
