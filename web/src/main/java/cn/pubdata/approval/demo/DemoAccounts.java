package cn.pubdata.approval.demo;

import java.util.List;

/** The demo logins of the local run, as infra/keycloak/approval-realm.json creates them: one per role and unit. */
public final class DemoAccounts {

    public static final String PASSWORD = "demo";

    public record Account(String id, String name, String group, String groupName) {}

    public static final List<Account> ALL = List.of(
            new Account("admin", "系统管理员", "operaton-admin", "系统管理员"),
            new Account("manager", "局领导", "manager", "数据主管部门（负责人）"),
            new Account("authority", "审核岗", "authority-reviewer", "数据主管部门（审核岗）"),
            new Account("pricing", "价格处", "pricing-officer", "价格主管部门（发改委）"),
            new Account("expert", "专家", "expert", "专家咨询委员会"),
            new Account("cac", "网信", "security-cac", "网信部门"),
            new Account("police", "公安", "security-police", "公安部门"),
            new Account("state", "国安", "security-state", "国家安全部门"),
            new Account("crypto", "密码", "security-crypto", "密码管理部门"),
            new Account("secrecy", "保密", "security-secrecy", "保密行政管理部门"),
            new Account("govaffairs", "政务局", "security-gov-affairs", "市政务局"),
            new Account("fgw", "发改委", "provider-fgw", "市发改委"),
            new Account("zjj", "住建局", "provider-zjj", "市住建局"),
            new Account("tjj", "统计局", "provider-tjj", "市统计局"),
            new Account("jtj", "交通局", "provider-jtj", "市交通局"),
            new Account("wlj", "文旅局", "provider-wlj", "市文旅局"),
            new Account("wjw", "卫健委", "provider-wjw", "市卫健委"),
            new Account("cgj", "城管局", "provider-cgj", "市城管局"),
            new Account("zwj", "政务局数据", "provider-zwj", "市政务局"),
            new Account("sthjj", "生态环境局", "provider-sthjj", "市生态环境局"),
            new Account("gxj", "工信局", "provider-gxj", "市工信局"),
            new Account("auditor", "审计局", "auditor", "市审计局（只读审计）"),
            new Account("manager-jdz", "景德镇局领导", "manager-jingdezhen", "景德镇市数据主管部门（负责人）"));

    /**
     * Two competing operator companies, a developer of the first, and a developer company of its own that applies to
     * join an operator's platform (portal and API).
     */
    public static final List<Account> OPERATORS = List.of(
            new Account("op-cidu", "瓷都数据运营有限公司 91330100716105852F", "operator", "运营机构"),
            new Account("dev-cidu", "瓷都数据运营有限公司的开发人员", "developer", "开发利用主体"),
            new Account("op-changnan", "昌南数科有限公司 914403001922038216", "operator", "运营机构"),
            new Account("dev-huiyun", "慧云数据科技有限公司 91360200MA3KD7R2WF", "developer", "开发利用主体"));

    /** The reviewers of the other jurisdictions' profiles and the province, who log in to Tasklist only. */
    private static final List<String> OTHER_LOGINS = List.of(
            "province",
            "xc-jrb",
            "xc-wjj",
            "xc-jtj",
            "xc-swj",
            "xc-scj",
            "xc-wgl",
            "cz-scj",
            "cz-cgj",
            "cz-gjj",
            "xn-gjj",
            "xn-ybj",
            "xn-wjw",
            "xn-jtj",
            "xn-wlj");

    private DemoAccounts() {}

    /** Every login the realm file creates with the demo password; the production profile refuses them. */
    public static List<String> logins() {
        return java.util.stream.Stream.of(
                        ALL.stream().map(Account::id), OPERATORS.stream().map(Account::id), OTHER_LOGINS.stream())
                .flatMap(s -> s)
                .toList();
    }
}
