package cn.pubdata.approval.lifecycle;

import cn.pubdata.approval.agreement.AgreementRenewals;
import cn.pubdata.approval.agreement.AgreementTerms;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.document.StoredDocument;
import cn.pubdata.approval.identity.CurrentUser;
import cn.pubdata.approval.term.RenewalSubmission;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An agreement's life after admission: its state and history, its running evaluations, rectifications and exits with
 * what is due, its revenue ledger; the operator's renewal application; the terms the authority records from the
 * signed agreement; the authority's evidence uploads.
 */
@RestController
@RequestMapping("/api/lifecycle")
class LifecycleController {

    record RenewalRequest(String reason) {}

    record TermsRequest(String businessTargets, Integer rectificationDays) {}

    private final LifecycleOverview overview;
    private final Agreements agreements;
    private final AgreementTerms terms;
    private final RenewalSubmission renewals;
    private final DocumentStore documents;
    private final CurrentUser user;

    LifecycleController(
            LifecycleOverview overview,
            Agreements agreements,
            AgreementTerms terms,
            RenewalSubmission renewals,
            DocumentStore documents,
            CurrentUser user) {
        this.overview = overview;
        this.agreements = agreements;
        this.terms = terms;
        this.renewals = renewals;
        this.documents = documents;
        this.user = user;
    }

    /** The caller's agreements (an operator), or those of an operator or a jurisdiction (the authority). */
    @GetMapping("/agreements")
    List<LifecycleOverview.Summary> agreements(
            @RequestParam(required = false) String creditCode, @RequestParam(required = false) String jurisdiction) {
        if (user.isOperator()) {
            return overview.ofOperator(user.creditCode());
        }
        if (creditCode != null && !creditCode.isBlank()) {
            return overview.ofOperator(creditCode);
        }
        if (jurisdiction == null || jurisdiction.isBlank()) {
            throw Problem.invalid("jurisdiction", "请选择辖区或运营机构");
        }
        return agreements.authorizedOperators(jurisdiction).stream()
                .flatMap(code -> overview.ofOperator(code).stream())
                .filter(s -> s.jurisdiction().equals(jurisdiction))
                .toList();
    }

    @GetMapping("/agreements/{id}")
    LifecycleOverview.Overview agreement(@PathVariable long id) {
        requireOwn(id);
        return overview.of(id);
    }

    /** ADM-19, ADM-20: the operator applies to renew; refused with the rule's reason where the profile does not allow it. */
    @PostMapping("/agreements/{id}/renewal")
    @ResponseStatus(HttpStatus.CREATED)
    AgreementRenewals.Renewal renew(@PathVariable long id, @RequestBody RenewalRequest request) {
        requireOwn(id);
        return renewals.apply(id, request == null ? null : request.reason(), user.actor());
    }

    /** The business targets (RECT-09) and the correction period (RECT-06) the signed agreement states. */
    @PutMapping("/agreements/{id}/terms")
    AgreementTerms.Terms terms(@PathVariable long id, @RequestBody TermsRequest request) {
        return terms.record(
                id,
                request.businessTargets(),
                request.rectificationDays(),
                user.actor().label());
    }

    /** Evidence the authority attaches to a rectification, an exit or an inspection: stored as the authority's. */
    @PostMapping(value = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StoredDocument evidence(@RequestParam("file") MultipartFile file) throws IOException {
        return documents.store(DocumentStore.authorityOwner(user.name()), file.getOriginalFilename(), file.getBytes());
    }

    private void requireOwn(long agreementId) {
        String owner = agreements
                .find(agreementId)
                .orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"))
                .creditCode();
        user.requireOwn(owner, "授权运营协议 " + agreementId + " 不存在");
    }
}
