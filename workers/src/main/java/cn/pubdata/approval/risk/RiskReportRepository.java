package cn.pubdata.approval.risk;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface RiskReportRepository extends ListCrudRepository<RiskReport, Long> {

    List<RiskReport> findByCreditCodeOrderByReportedAtDesc(String creditCode);

    List<RiskReport> findByJurisdictionOrderByReportedAtDesc(String jurisdiction);
}
