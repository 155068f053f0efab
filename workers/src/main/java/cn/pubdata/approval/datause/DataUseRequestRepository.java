package cn.pubdata.approval.datause;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface DataUseRequestRepository extends ListCrudRepository<DataUseRequest, Long> {

    List<DataUseRequest> findByCreditCodeOrderBySubmittedAtDesc(String creditCode);

    List<DataUseRequest> findByScenarioIdOrderBySubmittedAtDesc(Long scenarioId);

    Optional<DataUseRequest> findByAppealOf(Long refusedId);
}
