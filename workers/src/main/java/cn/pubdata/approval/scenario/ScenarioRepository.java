package cn.pubdata.approval.scenario;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface ScenarioRepository extends ListCrudRepository<Scenario, Long> {

    List<Scenario> findByCreditCodeOrderBySubmittedAtDesc(String creditCode);

    List<Scenario> findByAdmissionApplicationIdOrderById(Long admissionApplicationId);

    List<Scenario> findByJurisdictionAndStatusOrderByPublishedAtDesc(String jurisdiction, ScenarioStatus status);
}
