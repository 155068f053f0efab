package cn.pubdata.approval.product;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ProductRepository extends ListCrudRepository<Product, Long> {

    List<Product> findByCreditCodeOrderBySubmittedAtDesc(String creditCode);

    List<Product> findByDeveloperCreditCodeOrderBySubmittedAtDesc(String developerCreditCode);

    java.util.Optional<Product> findByAppealOf(Long appealOf);

    List<Product> findByCreditCodeAndStatusOrderByScenarioIdAscListedAtAsc(String creditCode, ProductStatus status);

    List<Product> findByScenarioIdOrderBySubmittedAt(Long scenarioId);

    List<Product> findByJurisdictionAndStatusOrderByListedAtDesc(String jurisdiction, ProductStatus status);

    @Query("""
            select p.* from approval.product p
            where p.status = :status
              and exists (select 1 from approval.product_resource r where r.product_id = p.id and r.resource_code = :code)
            order by p.id""")
    List<Product> findUsing(String code, String status);
}
