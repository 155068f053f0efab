package cn.pubdata.approval.admission;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface AdmissionApplicationRepository extends ListCrudRepository<AdmissionApplication, Long> {

    List<AdmissionApplication> findByCreditCodeOrderBySubmittedAtDesc(String creditCode);

    boolean existsByAnnouncementIdAndCreditCodeAndStatus(
            Long announcementId, String creditCode, ApplicationStatus status);
}
