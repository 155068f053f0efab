package cn.pubdata.approval.pricing;

import cn.pubdata.approval.identity.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 上限收费标准: the price authority sets one per product category for an operator, within its maximum allowed revenue. */
@RestController
@RequestMapping("/api/pricing/ceilings")
class PriceCeilingController {

    record Ceiling(BigDecimal ceilingYuan, String basis) {}

    private final PriceCeilings ceilings;
    private final CurrentUser user;

    PriceCeilingController(PriceCeilings ceilings, CurrentUser user) {
        this.ceilings = ceilings;
        this.user = user;
    }

    @GetMapping("/{jurisdiction}/{creditCode}")
    List<PriceCeilings.PriceCeiling> of(@PathVariable String jurisdiction, @PathVariable String creditCode) {
        user.requireOwn(creditCode, "该运营机构的上限收费标准不存在");
        return ceilings.of(jurisdiction, creditCode);
    }

    @PutMapping("/{jurisdiction}/{creditCode}/{category}")
    PriceCeilings.PriceCeiling set(
            @PathVariable String jurisdiction,
            @PathVariable String creditCode,
            @PathVariable ProductCategory category,
            @RequestBody Ceiling ceiling) {
        return ceilings.set(
                jurisdiction,
                creditCode,
                category,
                ceiling == null ? null : ceiling.ceilingYuan(),
                ceiling == null ? null : ceiling.basis(),
                user.actor());
    }
}
