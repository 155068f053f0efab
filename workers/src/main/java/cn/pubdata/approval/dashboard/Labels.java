package cn.pubdata.approval.dashboard;

import cn.pubdata.approval.admission.ApplicationStatus;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.datause.DataUseStatus;
import cn.pubdata.approval.product.ProductStatus;
import cn.pubdata.approval.scenario.ScenarioStatus;
import java.util.Map;

/** The Chinese names of flows and states on the dashboards. */
final class Labels {

    private static final Map<String, String> FLOWS = Map.ofEntries(
            Map.entry("admission", "运营机构准入"),
            Map.entry("agreement", "授权运营协议"),
            Map.entry("scenario", "场景审核"),
            Map.entry("product", "数据产品和服务"),
            Map.entry("data-use-request", "数据需求申请"),
            Map.entry("exit", "运营机构退出"),
            Map.entry("rectification", "限期整改"),
            Map.entry("evaluation", "年度评估"),
            Map.entry("agreement-term", "授权运营期管理"),
            Map.entry("data-quality-issue", "数据质量问题"),
            Map.entry("risk-report", "风险报告"));

    private static final Map<String, String> EXIT =
            Map.of("IN_PROGRESS", "退出中", "NOT_TERMINATED", "决定不予终止", "EXITED", "已退出");

    private Labels() {}

    static String flow(String key) {
        return FLOWS.getOrDefault(key, key);
    }

    static String status(String flow, String status) {
        try {
            return switch (flow) {
                case "admission" -> ApplicationStatus.valueOf(status).label();
                case "scenario" -> ScenarioStatus.valueOf(status).label();
                case "product" -> ProductStatus.valueOf(status).label();
                case "data-use-request" -> DataUseStatus.valueOf(status).label();
                case "exit" -> EXIT.getOrDefault(status, status);
                case "agreement" -> AgreementState.valueOf(status).label();
                default -> status;
            };
        } catch (IllegalArgumentException unknown) {
            return status;
        }
    }
}
