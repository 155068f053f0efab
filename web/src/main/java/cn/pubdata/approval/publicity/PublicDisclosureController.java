package cn.pubdata.approval.publicity;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.disclosure.DisclosurePlans;
import cn.pubdata.approval.disclosure.Disclosures;
import cn.pubdata.approval.publicity.PublicDisclosure.ObjectionReceipt;
import cn.pubdata.approval.publicity.PublicDisclosure.Operator;
import cn.pubdata.approval.publicity.PublicDisclosure.PublicityNotice;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public disclosure site's API, without login (rate-limited per address): authorized operators, publicity notices
 * with their period, and objections to a notice by anyone during its period (APL-03), answered with a receipt number.
 */
@RestController
@RequestMapping("/api/public")
class PublicDisclosureController {

    record Disclosure(
            List<Operator> operators,
            List<PublicityNotice> publicity,
            List<Disclosures.Entry> disclosures,
            List<DisclosurePlans.PlanItem> plans) {}

    record Filed(String receiptNo, String message) {}

    private final PublicDisclosure disclosure;
    private final Disclosures disclosures;
    private final PublicObjections objections;
    private final DisclosurePlans plans;

    PublicDisclosureController(
            PublicDisclosure disclosure, Disclosures disclosures, PublicObjections objections, DisclosurePlans plans) {
        this.plans = plans;
        this.disclosure = disclosure;
        this.disclosures = disclosures;
        this.objections = objections;
    }

    /** Everything the site lists, for one jurisdiction or for all. */
    @GetMapping("/disclosure")
    Disclosure disclosure(@RequestParam(required = false) String jurisdiction) {
        String j = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction;
        return new Disclosure(
                disclosure.operators(j),
                disclosure.publicity(j),
                j == null
                        ? List.of()
                        : disclosures.of(j).stream()
                                .filter(e -> !e.kind().equals("ADMISSION_PUBLICITY"))
                                .toList(),
                plans.of(j));
    }

    /** An objection to a publicity notice: name, contact, grounds and an optional document; only during the period. */
    @PostMapping(value = "/publicity/{noticeId}/objections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Filed> object(
            @PathVariable long noticeId,
            @RequestParam(required = false) String filerName,
            @RequestParam(required = false) String filerContact,
            @RequestParam(required = false) String content,
            @RequestParam(required = false) MultipartFile file) {
        boolean withFile = file != null && !file.isEmpty();
        String receipt = objections.file(
                noticeId,
                filerName,
                filerContact,
                content,
                withFile ? file.getOriginalFilename() : null,
                withFile ? file.getContentType() : null,
                withFile ? file::getInputStream : null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Filed(receipt, "异议已受理，受理编号 " + receipt + "。请凭此编号查询处理情况；异议将在签订协议前核查处理。"));
    }

    /** Where an objection stands, by its receipt number. */
    @GetMapping("/objections/{receiptNo}")
    ObjectionReceipt objection(@PathVariable String receiptNo) {
        return disclosure
                .objection(receiptNo)
                .orElseThrow(() -> Problem.notFound("没有受理编号为 " + receiptNo + " 的异议，请核对编号"));
    }
}
