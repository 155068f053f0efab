package cn.pubdata.approval.quality;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface QualityIssueRepository extends ListCrudRepository<QualityIssue, Long> {

    List<QualityIssue> findByCreditCodeOrderByRaisedAtDesc(String creditCode);

    List<QualityIssue> findByProviderGroupOrderByRaisedAtDesc(String providerGroup);

    List<QualityIssue> findByStatus(QualityIssueStatus status);
}
