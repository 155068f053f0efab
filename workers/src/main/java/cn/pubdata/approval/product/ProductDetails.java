package cn.pubdata.approval.product;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resources a product uses and the costs its operator bears, replaced as a whole on a 补正. */
@Repository
class ProductDetails {

    private final JdbcClient jdbc;

    ProductDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long productId, List<String> resources, List<ProductForm.CostItemInput> costs) {
        jdbc.sql("delete from approval.product_resource where product_id = :id")
                .param("id", productId)
                .update();
        jdbc.sql("delete from approval.product_cost_item where product_id = :id")
                .param("id", productId)
                .update();
        for (String code : resources) {
            jdbc.sql("insert into approval.product_resource (product_id, resource_code) values (:id, :code)")
                    .param("id", productId)
                    .param("code", code)
                    .update();
        }
        int no = 1;
        for (ProductForm.CostItemInput cost : costs) {
            jdbc.sql("""
                    insert into approval.product_cost_item (product_id, item_no, item, amount_yuan, note)
                    values (:id, :no, :item, :amount, :note)""")
                    .param("id", productId)
                    .param("no", no++)
                    .param("item", cost.item().name())
                    .param("amount", cost.amountYuan())
                    .param(
                            "note",
                            cost.note() == null || cost.note().isBlank()
                                    ? null
                                    : cost.note().trim())
                    .update();
        }
    }

    List<String> resources(long productId) {
        return jdbc.sql(
                        "select resource_code from approval.product_resource where product_id = :id order by resource_code")
                .param("id", productId)
                .query(String.class)
                .list();
    }

    List<ProductCost> costs(long productId) {
        return jdbc.sql("select * from approval.product_cost_item where product_id = :id order by item_no")
                .param("id", productId)
                .query((rs, n) -> new ProductCost(
                        rs.getInt("item_no"),
                        CostItem.valueOf(rs.getString("item")),
                        rs.getBigDecimal("amount_yuan"),
                        rs.getString("note")))
                .list();
    }
}
