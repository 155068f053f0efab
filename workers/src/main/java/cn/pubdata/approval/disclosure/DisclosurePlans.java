package cn.pubdata.approval.disclosure;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * DSC-01, DSC-06: each operator's disclosure plan — what it discloses, how often, through which channel — and the
 * disclosures it made under it, with the next one due and overdue ones marked, as the public site shows them.
 */
@Service
public class DisclosurePlans {

    /** One item of a plan as the public sees it: the last disclosures first, and whether the next one is overdue. */
    public record PlanItem(
            long id,
            long agreementId,
            String jurisdiction,
            String companyName,
            String item,
            int frequencyMonths,
            String frequencyLabel,
            String channel,
            LocalDate nextDue,
            boolean overdue,
            List<Disclosure> disclosures) {}

    public record Disclosure(LocalDate disclosedOn, String content) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Agreements agreements;
    private final Timeline timeline;

    public DisclosurePlans(JdbcClient jdbc, Clock clock, Agreements agreements, Timeline timeline) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.agreements = agreements;
        this.timeline = timeline;
    }

    /** The operator adds an item to the plan of its agreement (the operation plan's 披露内容、频次、渠道). */
    public PlanItem addItem(
            long agreementId, String creditCode, String item, Integer frequencyMonths, String channel, String actor) {
        Agreement agreement = own(agreementId, creditCode);
        checkItem(item, frequencyMonths, channel);
        Long id = jdbc.sql("""
                insert into approval.disclosure_plan_item (agreement_id, item, frequency_months, channel, filed_at)
                values (:a, :item, :f, :channel, :at) on conflict (agreement_id, item) do nothing returning id""")
                .param("a", agreementId)
                .param("item", item.trim())
                .param("f", frequencyMonths)
                .param("channel", channel.trim())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> Problem.conflict("披露计划中已有“" + item.trim() + "”"));
        timeline.record(
                Subjects.agreement(agreementId),
                "披露计划新增：" + item.trim(),
                "每 " + frequencyMonths + " 个月一次，渠道：" + channel.trim(),
                actor,
                "disclosure-plan:" + id);
        return item(agreement, id);
    }

    /**
     * The operator changes an item of its plan (what, how often, where); the disclosures already made under it stay,
     * and the next one falls due by the new frequency.
     */
    public PlanItem updateItem(
            long itemId, String creditCode, String item, Integer frequencyMonths, String channel, String actor) {
        Agreement agreement = ownItem(itemId, creditCode);
        checkItem(item, frequencyMonths, channel);
        boolean taken = jdbc.sql("""
                select count(*) from approval.disclosure_plan_item where agreement_id = :a and item = :item and id <> :id""")
                        .param("a", agreement.id())
                        .param("item", item.trim())
                        .param("id", itemId)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw Problem.conflict("披露计划中已有“" + item.trim() + "”");
        }
        jdbc.sql("""
                update approval.disclosure_plan_item set item = :item, frequency_months = :f, channel = :channel
                where id = :id""")
                .param("item", item.trim())
                .param("f", frequencyMonths)
                .param("channel", channel.trim())
                .param("id", itemId)
                .update();
        timeline.record(
                Subjects.agreement(agreement.id()),
                "披露计划修改：" + item.trim(),
                "每 " + frequencyMonths + " 个月一次，渠道：" + channel.trim(),
                actor,
                "disclosure-plan:" + itemId + ":" + clock.millis());
        return item(agreement, itemId);
    }

    /** The operator records a disclosure it made under an item of its plan. */
    public PlanItem disclose(long itemId, String creditCode, LocalDate disclosedOn, String content, String actor) {
        Agreement agreement = ownItem(itemId, creditCode);
        long agreementId = agreement.id();
        LocalDate today = clock.instant().atZone(Clocks.BEIJING).toLocalDate();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (disclosedOn == null || disclosedOn.isAfter(today)) {
            errors.add(new Problem.FieldError("disclosedOn", "请填写已披露的日期（不晚于今天）"));
        }
        if (content == null || content.isBlank()) {
            errors.add(new Problem.FieldError("content", "请填写披露了什么（摘要或链接）"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("披露记录有误，请按提示修改", errors);
        }
        long id = jdbc.sql("""
                insert into approval.plan_disclosure (plan_item_id, disclosed_on, content, filed_at)
                values (:i, :on, :content, :at) returning id""")
                .param("i", itemId)
                .param("on", Date.valueOf(disclosedOn))
                .param("content", content.trim())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        timeline.record(
                Subjects.agreement(agreementId),
                "按披露计划披露",
                disclosedOn + "：" + content.trim(),
                actor,
                "disclosure:" + id);
        return item(agreement, itemId);
    }

    /** Every plan item of the operators of a jurisdiction (all where null), overdue ones first. */
    public List<PlanItem> of(String jurisdiction) {
        return items(jurisdiction, null);
    }

    /** One operator's plan items, in every jurisdiction. */
    public List<PlanItem> ofCompany(String creditCode) {
        return items(null, creditCode);
    }

    private List<PlanItem> items(String jurisdiction, String creditCode) {
        LocalDate today = clock.instant().atZone(Clocks.BEIJING).toLocalDate();
        List<PlanItem> items = jdbc.sql("""
                select p.id, p.agreement_id, a.jurisdiction, app.company_name, p.item, p.frequency_months, p.channel,
                       a.starts_on, (select max(d.disclosed_on) from approval.plan_disclosure d where d.plan_item_id = p.id) as last_on
                from approval.disclosure_plan_item p
                join approval.agreement a on a.id = p.agreement_id
                join approval.admission_application app on app.id = a.application_id
                where (cast(:j as varchar) is null or a.jurisdiction = :j)
                  and (cast(:c as varchar) is null or a.credit_code = :c)
                order by app.company_name, p.id""")
                .param("j", jurisdiction)
                .param("c", creditCode)
                .query((rs, n) -> {
                    int months = rs.getInt("frequency_months");
                    Date last = rs.getDate("last_on");
                    LocalDate from = last != null
                            ? last.toLocalDate()
                            : rs.getDate("starts_on").toLocalDate();
                    LocalDate nextDue = from.plusMonths(months);
                    long id = rs.getLong("id");
                    return new PlanItem(
                            id,
                            rs.getLong("agreement_id"),
                            rs.getString("jurisdiction"),
                            rs.getString("company_name"),
                            rs.getString("item"),
                            months,
                            frequencyLabel(months),
                            rs.getString("channel"),
                            nextDue,
                            today.isAfter(nextDue),
                            List.of());
                })
                .list();
        return items.stream()
                .map(p -> new PlanItem(
                        p.id(),
                        p.agreementId(),
                        p.jurisdiction(),
                        p.companyName(),
                        p.item(),
                        p.frequencyMonths(),
                        p.frequencyLabel(),
                        p.channel(),
                        p.nextDue(),
                        p.overdue(),
                        disclosures(p.id())))
                .sorted((a, b) -> Boolean.compare(b.overdue(), a.overdue()))
                .toList();
    }

    /** 每月 / 每季度 / 每半年 / 每年 / 每 n 个月 */
    static String frequencyLabel(int months) {
        return switch (months) {
            case 1 -> "每月";
            case 3 -> "每季度";
            case 6 -> "每半年";
            case 12 -> "每年";
            default -> "每 " + months + " 个月";
        };
    }

    private List<Disclosure> disclosures(long itemId) {
        return jdbc.sql("""
                select disclosed_on, content from approval.plan_disclosure where plan_item_id = :i
                order by disclosed_on desc, id desc""")
                .param("i", itemId)
                .query((rs, n) -> new Disclosure(rs.getDate("disclosed_on").toLocalDate(), rs.getString("content")))
                .list();
    }

    private void checkItem(String item, Integer frequencyMonths, String channel) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (item == null || item.isBlank() || item.length() > 200) {
            errors.add(new Problem.FieldError("item", "请填写披露内容（200 字以内），如“公共数据资源使用情况”"));
        }
        if (frequencyMonths == null || frequencyMonths < 1 || frequencyMonths > 12) {
            errors.add(new Problem.FieldError("frequencyMonths", "披露频次应为每 1 到 12 个月一次"));
        }
        if (channel == null || channel.isBlank() || channel.length() > 200) {
            errors.add(new Problem.FieldError("channel", "请填写披露渠道（200 字以内），如“运营平台门户网站”"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("披露计划有误，请按提示修改", errors);
        }
    }

    private PlanItem item(Agreement agreement, long itemId) {
        return of(agreement.jurisdiction()).stream()
                .filter(p -> p.id() == itemId)
                .findFirst()
                .orElseThrow();
    }

    /** The agreement of an item of the caller's own plan; another company's item is as absent as a missing one. */
    private Agreement ownItem(long itemId, String creditCode) {
        String missing = "没有编号为 " + itemId + " 的披露计划事项";
        Long agreementId = jdbc.sql("select agreement_id from approval.disclosure_plan_item where id = :id")
                .param("id", itemId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> Problem.notFound(missing));
        return own(agreementId, creditCode, missing);
    }

    private Agreement own(long agreementId, String creditCode) {
        return own(agreementId, creditCode, "没有编号为 " + agreementId + " 的授权运营协议");
    }

    private Agreement own(long agreementId, String creditCode, String missing) {
        return agreements
                .find(agreementId)
                .filter(a -> a.creditCode().equals(creditCode))
                .orElseThrow(() -> Problem.notFound(missing));
    }
}
