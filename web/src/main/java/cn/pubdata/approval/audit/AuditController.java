package cn.pubdata.approval.audit;

import cn.pubdata.approval.timeline.AuditVerification;
import cn.pubdata.approval.timeline.AuditVerifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log's verification (存证溯源) for the authority, the managers and the administrators: walks the whole chain
 * and answers intact, or the first entry edited, deleted or inserted.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return verifier.verify();
    }
}
