package cn.pubdata.approval.admission;

import java.util.List;

/** The eight sections of the operation plan, template 000 (运营方案模板; ADM-04). */
public final class PlanSections {

    public static final List<String> TITLES =
            List.of("申请单位基本情况", "授权运营工作目标", "管理体系构建", "公共数据资源运营场景", "技术支撑能力建设", "公共数据资源运营规划", "保障支撑措施", "附件");

    private PlanSections() {}

    /** "（一）申请单位基本情况" for section 1. */
    public static String label(int sectionNo) {
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八"};
        return "（" + numerals[sectionNo - 1] + "）" + TITLES.get(sectionNo - 1);
    }
}
