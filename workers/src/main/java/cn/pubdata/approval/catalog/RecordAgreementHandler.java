package cn.pubdata.approval.catalog;

import cn.pubdata.approval.worker.BusinessOutcome;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Records the signed agreement in the catalog (ADM-14, ADM-15) after checking no granted resource is prohibited (CAT-01). */
@Component
class RecordAgreementHandler implements ExternalTaskHandler {

    private final Agreements agreements;
    private final CatalogResources catalog;
    private final Clock clock;

    RecordAgreementHandler(Agreements agreements, CatalogResources catalog, Clock clock) {
        this.agreements = agreements;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "catalog-record-agreement";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        List<String> codes = Arrays.stream(task.string("grantedResourceCodes").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        // A resource may have been reclassified as prohibited while the application was in review.
        List<String> prohibited = catalog.findAll(codes).stream()
                .filter(CatalogResource::prohibited)
                .map(CatalogResource::name)
                .toList();
        if (!prohibited.isEmpty()) {
            throw new BusinessOutcome(
                    "RESOURCE_PROHIBITED", "「" + String.join("、", prohibited) + "」已被列为禁止开放的公共数据，不得授权运营（CAT-01）");
        }
        Agreement a = agreements.record(
                task.longValue("applicationId"),
                task.string("agreementNo"),
                task.string("jurisdiction"),
                task.string("operatorCreditCode"),
                task.string("authorizationScope"),
                task.date("agreementSignedOn"),
                task.intValue("trialMonths"),
                task.intValue("termMonths"),
                clock.instant());
        return Map.of("agreementId", a.id(), "agreementEndsOn", a.endsOn().toString());
    }
}
