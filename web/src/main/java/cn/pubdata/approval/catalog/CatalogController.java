package cn.pubdata.approval.catalog;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final CatalogResources resources;

    CatalogController(CatalogResources resources) {
        this.resources = resources;
    }

    @GetMapping("/resources")
    List<CatalogResource> resources() {
        return resources.all();
    }
}
