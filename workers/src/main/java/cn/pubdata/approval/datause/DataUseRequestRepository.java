package cn.pubdata.approval.datause;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface DataUseRequestRepository extends ListCrudRepository<DataUseRequest, Long> {

    List<DataUseRequest> findByCreditCodeOrderBySubmittedAtDesc(String creditCode);

    List<DataUseRequest> findByScenarioIdOrderBySubmittedAtDesc(Long scenarioId);
}
