package cn.pubdata.approval.product;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 数据产品和服务 through the portal: submit under an approved scenario (in 003 a developer of the operator too), the
 * operator's out-of-domain compliance review of its developer's product, follow, supplement, withdraw.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

    record Withdrawal(String reason) {}

    private final ProductSubmission submission;
    private final Products products;
    private final ProductProgress progress;
    private final CurrentUser user;

    ProductController(ProductSubmission submission, Products products, ProductProgress progress, CurrentUser user) {
        this.submission = submission;
        this.products = products;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<ProductView> submit(@RequestBody ProductForm form) {
        Product product = submission.submit(form, user.actor());
        return ResponseEntity.created(URI.create("/api/products/" + product.getId()))
                .body(ProductView.of(product, products));
    }

    /** An operator's own products; a reviewer names the company. */
    @GetMapping
    List<ProductView> list(@RequestParam(required = false) String creditCode) {
        String company = user.isOperator() ? user.creditCode() : creditCode;
        if (company == null || company.isBlank()) {
            throw Problem.invalid("creditCode", "请指明运营机构的统一社会信用代码");
        }
        List<Product> own = new ArrayList<>(products.ofOperator(company));
        if (user.isOperator()) {
            // a developer's own products under its operators' scenarios (003)
            products.ofDeveloper(company).stream()
                    .filter(p -> own.stream().noneMatch(o -> o.getId().equals(p.getId())))
                    .forEach(own::add);
        }
        return own.stream().map(p -> ProductView.of(p, products)).toList();
    }

    /** PRD-02 (003): the operator passes or refuses, with its reason, a product its developer submitted. */
    @PostMapping("/{id}/operator-review")
    ProductView operatorReview(@PathVariable long id, @RequestBody ProductOperatorReview review) {
        visible(id);
        return ProductView.of(submission.operatorReview(id, review, user.actor()), products);
    }

    @GetMapping("/{id}")
    ProductView one(@PathVariable long id) {
        return ProductView.of(visible(id), products);
    }

    @GetMapping("/{id}/progress")
    ProductProgress.Progress progress(@PathVariable long id) {
        visible(id);
        return progress.of(id);
    }

    @PostMapping("/{id}/supplement")
    ProductView supplement(@PathVariable long id, @RequestBody ProductForm form) {
        visible(id);
        return ProductView.of(submission.supplement(id, form, user.actor()), products);
    }

    @PostMapping("/{id}/withdraw")
    ProductView withdraw(@PathVariable long id, @RequestBody Withdrawal withdrawal) {
        visible(id);
        submission.withdraw(id, withdrawal == null ? null : withdrawal.reason(), user.actor());
        return ProductView.of(products.get(id), products);
    }

    private Product visible(long id) {
        Product product = products.get(id);
        if (!user.isOperator() || !user.creditCode().equals(product.getDeveloperCreditCode())) {
            user.requireOwn(product.getCreditCode(), "数据产品 " + id + " 不存在");
        }
        return product;
    }
}
