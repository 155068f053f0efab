package cn.pubdata.approval.pricing;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The revenue ledger of a jurisdiction: each operator's maximum allowed revenue against its revenue, per period. */
@RestController
@RequestMapping("/api/revenue/ledger")
class RevenueLedgerController {

    private final RevenueLedger ledger;

    RevenueLedgerController(RevenueLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    List<RevenueLedger.OperatorRow> of(@RequestParam String jurisdiction) {
        return ledger.ofJurisdiction(jurisdiction);
    }
}
