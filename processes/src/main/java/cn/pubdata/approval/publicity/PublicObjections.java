package cn.pubdata.approval.publicity;

import cn.pubdata.approval.admission.AdmissionSubmission;
import cn.pubdata.approval.admission.Objections;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.document.DocumentContent;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.publicity.PublicDisclosure.PublicityNotice;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;

/**
 * Anyone objects to a publicity notice of the disclosure site (APL-03): by the notice, since the public cannot know an
 * application's id; only within the notice's period; with name, contact, grounds and an optional document. The answer
 * is a receipt number to follow the objection by.
 */
@Service
public class PublicObjections {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** Whose documents objections carry: the public, not a company. */
    public static final String OWNER = "public:objection";

    private final PublicDisclosure disclosure;
    private final AdmissionSubmission submission;
    private final Objections objections;
    private final DocumentStore documents;
    private final Clock clock;

    public PublicObjections(
            PublicDisclosure disclosure,
            AdmissionSubmission submission,
            Objections objections,
            DocumentStore documents,
            Clock clock) {
        this.disclosure = disclosure;
        this.submission = submission;
        this.objections = objections;
        this.documents = documents;
        this.clock = clock;
    }

    /** Files the objection and answers its receipt number; outside the period it is refused (409). */
    public String file(
            long noticeId,
            String filerName,
            String filerContact,
            String content,
            String fileName,
            String contentType,
            DocumentContent document) {
        PublicityNotice notice =
                disclosure.notice(noticeId).orElseThrow(() -> Problem.notFound("公示 " + noticeId + " 不存在"));
        Instant now = clock.instant();
        if (now.isBefore(notice.startsAt())) {
            throw Problem.conflict(
                    "该公示尚未开始，公示期自 " + MINUTE.format(notice.startsAt().atZone(Clocks.BEIJING)) + " 起");
        }
        if (!now.isBefore(notice.endsAt())) {
            throw Problem.conflict(
                    "该公示已于 " + MINUTE.format(notice.endsAt().atZone(Clocks.BEIJING)) + " 结束，公示期外不能再提出异议（APL-03）");
        }
        objections.check(filerName, filerContact, content);
        Long documentId = document == null
                ? null
                : documents
                        .store(OWNER, fileName, contentType, document)
                        .document()
                        .id();
        long objectionId = submission.object(disclosure.applicationOf(noticeId), filerName, filerContact, content);
        if (documentId != null) {
            objections.attach(objectionId, documentId);
        }
        return objections.receiptOf(objectionId);
    }
}
