package cn.pubdata.approval.admission;

import cn.pubdata.approval.admission.AdmissionApplication.DocumentKind;
import cn.pubdata.approval.agreement.AgreementRenewals;
import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.document.StoredDocument;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admission applications: the rules an application must meet to be accepted, and its life until an outcome. */
@Service
public class AdmissionApplications {

    private final AdmissionApplicationRepository repository;
    private final Announcements announcements;
    private final CatalogResources catalog;
    private final DocumentStore documents;
    private final Timeline timeline;
    private final Validation validation;
    private final Clock clock;
    private final AgreementRenewals renewals;
    private final JdbcClient jdbc;

    public AdmissionApplications(
            AdmissionApplicationRepository repository,
            Announcements announcements,
            CatalogResources catalog,
            DocumentStore documents,
            Timeline timeline,
            Validation validation,
            Clock clock,
            AgreementRenewals renewals,
            JdbcClient jdbc) {
        this.repository = repository;
        this.announcements = announcements;
        this.catalog = catalog;
        this.documents = documents;
        this.timeline = timeline;
        this.validation = validation;
        this.clock = clock;
        this.renewals = renewals;
        this.jdbc = jdbc;
    }

    /** Stores a new application after every acceptance rule passed; the caller starts its process in the same transaction. */
    @Transactional
    public AdmissionApplication register(ApplicationForm form) {
        validation.check(form, "申请材料不完整，请按提示补充");
        Announcement announcement = announcements.get(form.announcementId());
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        if (!announcement.accepts(today)) {
            throw Problem.invalid(
                    "announcementId",
                    "「" + announcement.getTitle() + "」的受理期为 " + announcement.getOpensOn() + " 至 "
                            + announcement.getDeadline() + "，今天（" + today + "）不在受理期内，不予受理（ADM-02）");
        }
        checkMaterials(form, announcement);
        // ADM-19: renewing through a new admission (004) is in time only the lead time before the agreement expires
        renewals.lateReapplication(form.creditCode(), announcement.getJurisdiction(), today)
                .ifPresent(late -> {
                    throw Problem.invalid("announcementId", late);
                });
        if (repository.existsByAnnouncementIdAndCreditCodeAndStatus(
                announcement.getId(), form.creditCode(), ApplicationStatus.IN_REVIEW)) {
            throw Problem.conflict("该单位已就「" + announcement.getTitle() + "」提交过申请，正在审查中；如需修改，请在退回补正时提交");
        }
        AdmissionApplication application =
                repository.save(new AdmissionApplication(announcement, form, clock.instant()));
        timeline.record(
                Subjects.admission(application.getId()),
                "提交准入申请",
                "申报「" + announcement.getTitle() + "」",
                application.getCompanyName(),
                "submitted:" + application.getId());
        return application;
    }

    @Transactional
    public void startedAs(AdmissionApplication application, String processInstanceId) {
        application.startedAs(processInstanceId);
        repository.save(application);
    }

    /** 补正: the operator replaces its materials with corrected ones; the same acceptance rules apply again. */
    @Transactional
    public AdmissionApplication supplement(long id, ApplicationForm form) {
        validation.check(form, "补正材料不完整，请按提示补充");
        AdmissionApplication application = get(id);
        if (!application.getCreditCode().equals(form.creditCode())
                || !application.getAnnouncementId().equals(form.announcementId())) {
            throw Problem.invalid("creditCode", "补正材料须由原申请单位就原通告提交");
        }
        if (application.getStatus() != ApplicationStatus.IN_REVIEW) {
            throw Problem.conflict("申请已结束（" + application.getStatus().label() + "），不能再补正");
        }
        checkMaterials(form, announcements.get(form.announcementId()));
        application.replaceMaterials(form);
        return repository.save(application);
    }

    /** Records the outcome once; returns false when it had been recorded already (a repeated delivery). */
    @Transactional
    public boolean close(long id, ApplicationStatus outcome, String reason) {
        AdmissionApplication application = get(id);
        boolean changed = application.close(outcome, reason, clock.instant());
        if (changed) {
            repository.save(application);
        }
        return changed;
    }

    /**
     * CAT-03: a provider unit consents to, or refuses, its own resources among those requested; a refused resource
     * leaves the scope the admission may grant. Returns the names of the unit's resources.
     */
    @Transactional
    public List<String> recordProviderConsent(long id, String providerGroup, boolean consented) {
        AdmissionApplication application = get(id);
        List<CatalogResource> own = catalog.findAll(application.resourceCodes()).stream()
                .filter(r -> r.providerGroup().equals(providerGroup))
                .toList();
        application.recordConsent(own.stream().map(CatalogResource::code).toList(), consented);
        repository.save(application);
        return own.stream().map(CatalogResource::name).toList();
    }

    public AdmissionApplication get(long id) {
        return repository.findById(id).orElseThrow(() -> Problem.notFound("准入申请 " + id + " 不存在"));
    }

    public List<AdmissionApplication> ofOperator(String creditCode) {
        return repository.findByCreditCodeOrderBySubmittedAtDesc(creditCode);
    }

    /**
     * ADM-10: the security members' approvals of the same operator's earlier admissions in the jurisdiction that are
     * still valid (decided within the months given), the latest per member: the group and the day it approved.
     */
    public Map<String, java.time.Instant> validSecurityReviews(long applicationId, int validityMonths) {
        AdmissionApplication application = get(applicationId);
        java.time.Instant since = clock.instant()
                .atZone(Clocks.BEIJING)
                .minusMonths(validityMonths)
                .toInstant();
        Map<String, java.time.Instant> valid = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select o.group_id, max(o.decided_at) as decided_at from approval.review_opinion o
                join approval.admission_application a on o.subject = 'ADM-' || a.id
                where a.credit_code = :c and a.jurisdiction = :j and a.id <> :app and o.step = '协调机制成员单位审查'
                    and o.decision = 'approve' and o.group_id is not null and o.decided_at >= :since
                group by o.group_id order by o.group_id""")
                .param("c", application.getCreditCode())
                .param("j", application.getJurisdiction())
                .param("app", applicationId)
                .param("since", java.sql.Timestamp.from(since))
                .query((rs, n) -> valid.put(
                        rs.getString("group_id"), rs.getTimestamp("decided_at").toInstant()))
                .list();
        return valid;
    }

    /** The facts reviewers decide on, as process variables their forms show. */
    public Map<String, Object> facts(AdmissionApplication application) {
        Announcement announcement = announcements.get(application.getAnnouncementId());
        List<CatalogResource> resources = catalog.findAll(application.resourceCodes());
        String resourceText = resources.stream()
                .collect(Collectors.groupingBy(
                        CatalogResource::providerName,
                        java.util.LinkedHashMap::new,
                        Collectors.mapping(CatalogResource::name, Collectors.joining("、"))))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "：" + e.getValue())
                .collect(Collectors.joining("\n"));
        String plan = application.sectionsInOrder().stream()
                .map(s -> PlanSections.label(s.sectionNo()) + "\n" + excerpt(s.content(), 280))
                .collect(Collectors.joining("\n\n"));
        List<StoredDocument> docs = documents.findAll(application.getDocuments().stream()
                .map(AdmissionApplication.AttachedDocument::documentId)
                .toList());
        Map<Long, DocumentKind> kinds = application.getDocuments().stream()
                .collect(Collectors.toMap(
                        AdmissionApplication.AttachedDocument::documentId,
                        AdmissionApplication.AttachedDocument::kind));
        String docText = docs.stream()
                .map(d -> kindLabel(kinds.get(d.id())) + "：" + d.fileName() + "（" + Math.max(1, d.sizeBytes() / 1024)
                        + " KB，SHA-256 " + d.sha256() + "）")
                .collect(Collectors.joining("\n"));
        return Map.ofEntries(
                Map.entry("applicationId", application.getId()),
                Map.entry("jurisdiction", application.getJurisdiction()),
                Map.entry("operatorCreditCode", application.getCreditCode()),
                Map.entry("companyName", application.getCompanyName()),
                Map.entry("announcementTitle", announcement.getTitle()),
                Map.entry("authorizationScope", announcement.getScope()),
                Map.entry("announcementScope", announcement.getScope()),
                Map.entry(
                        "operatorPeople",
                        "法定代表人：" + application.getLegalRepresentative() + "；运营主要负责人（第一责任人）："
                                + application.getPrincipal() + "；业务负责人：" + application.getBusinessLead() + "；安全负责人："
                                + application.getSecurityLead() + "；联系人：" + application.getContactName() + " "
                                + application.getContactPhone() + " " + application.getContactEmail()),
                Map.entry("requestedResources", limit(resourceText)),
                Map.entry("criteriaOptions", criteriaToJudge(announcement)),
                Map.entry("planSummary", limit(plan)),
                Map.entry("documentList", limit(docText)));
    }

    /** ADM-07: the announcement's criteria as boxes a reviewer ticks when met, its number the value. */
    static List<Map<String, Object>> criteriaToJudge(Announcement announcement) {
        List<Map<String, Object>> options = new ArrayList<>();
        List<String> criteria = announcement.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            Map<String, Object> option = new java.util.LinkedHashMap<>();
            option.put("value", String.valueOf(i + 1));
            option.put("label", (i + 1) + ". " + criteria.get(i));
            option.put("criterion", criteria.get(i));
            options.add(option);
        }
        return options;
    }

    private void checkMaterials(ApplicationForm form, Announcement announcement) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!CreditCode.isValid(form.creditCode())) {
            errors.add(new Problem.FieldError("creditCode", "统一社会信用代码应为18位且校验位正确（GB 32100-2015），请核对营业执照"));
        }
        Set<Integer> present = new HashSet<>();
        for (ApplicationForm.PlanSectionInput s : form.planSections()) {
            if (!present.add(s.sectionNo())) {
                errors.add(new Problem.FieldError("planSections", "运营方案第" + s.sectionNo() + "部分重复填写"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= PlanSections.TITLES.size(); i++) {
            if (!present.contains(i)) {
                missing.add(PlanSections.label(i));
            }
        }
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError("planSections", "运营方案缺少以下部分（ADM-04，模板000）：" + String.join("、", missing)));
        }
        for (String code : new java.util.LinkedHashSet<>(form.resourceCodes())) {
            CatalogResource r = catalog.find(code).orElse(null);
            if (r == null) {
                errors.add(new Problem.FieldError("resourceCodes", "目录中没有数据资源 '" + code + "'"));
            } else if (r.prohibited()) {
                errors.add(new Problem.FieldError("resourceCodes", "「" + r.name() + "」属于禁止开放的公共数据，不得申请授权运营（CAT-01）"));
            } else if (!announcement.covers(code)) {
                errors.add(new Problem.FieldError("resourceCodes", "「" + r.name() + "」不在本通告的授权范围内"));
            }
        }
        if (form.documents().stream().noneMatch(d -> d.kind() == DocumentKind.EMERGENCY_PLAN)) {
            errors.add(new Problem.FieldError("documents", "未提交应急预案：没有应急预案，不得开展授权运营，申请不予受理（ADM-11）"));
        }
        if (form.documents().stream()
                        .map(ApplicationForm.DocumentRef::documentId)
                        .distinct()
                        .count()
                < form.documents().size()) {
            // the company's same file is stored once, so two roles of one file arrive as one document id twice
            errors.add(new Problem.FieldError("documents", "同一份材料只能附一次；如需作为不同类别的材料，请分别上传不同的文件"));
        }
        for (ApplicationForm.DocumentRef ref : form.documents()) {
            StoredDocument d = documents.find(ref.documentId()).orElse(null);
            if (d == null || !d.owner().equals(form.creditCode())) {
                errors.add(new Problem.FieldError("documents", "材料 " + ref.documentId() + " 不存在或不是本单位上传的，请重新上传"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("申请材料有误，请按提示修改后再提交", errors);
        }
    }

    private static String kindLabel(DocumentKind kind) {
        return switch (kind) {
            case EMERGENCY_PLAN -> "应急预案";
            case QUALIFICATION -> "资质证明";
            case ANNEX -> "附件";
        };
    }

    private static String excerpt(String text, int max) {
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max) + "…（全文见申请材料）";
    }

    /** String process variables hold at most 4000 characters. */
    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…";
    }
}
