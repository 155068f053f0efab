package cn.pubdata.approval.admission;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AnnouncementRepository extends ListCrudRepository<Announcement, Long> {

    @Query("select * from approval.announcement where deadline >= :today order by deadline")
    List<Announcement> findOpenOn(java.time.LocalDate today);
}
