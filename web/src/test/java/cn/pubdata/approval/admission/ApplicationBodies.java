package cn.pubdata.approval.admission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** A complete admission application as the portal sends it; tests change what they test. */
public final class ApplicationBodies {

    private ApplicationBodies() {}

    public static Map<String, Object> complete(
            long announcementId, String creditCode, String companyName, long emergencyPlanId) {
        Map<String, Object> body = new HashMap<>();
        body.put("announcementId", announcementId);
        body.put("creditCode", creditCode);
        body.put("companyName", companyName);
        body.put("legalRepresentative", "张三");
        body.put("principal", "李四");
        body.put("businessLead", "王五");
        body.put("securityLead", "赵六");
        body.put("contactName", "钱七");
        body.put("contactPhone", "0798-8221234");
        body.put("contactEmail", "ops@example.cn");
        body.put(
                "planSections",
                IntStream.rangeClosed(1, 8)
                        .mapToObj(i -> Map.of("sectionNo", i, "content", PlanSections.label(i) + " 内容"))
                        .toList());
        body.put("resourceCodes", List.of("fgw-personal-credit"));
        body.put("documents", List.of(Map.of("documentId", emergencyPlanId, "kind", "EMERGENCY_PLAN")));
        return body;
    }
}
