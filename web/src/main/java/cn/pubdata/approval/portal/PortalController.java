package cn.pubdata.approval.portal;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Serves the operators' portal (built into static/portal) and tells it where to log in. */
@Controller
class PortalController {

    private final String keycloakUrl;

    PortalController(@Value("${approval.keycloak.url}") String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    @GetMapping({"/portal", "/portal/"})
    String portal() {
        return "forward:/portal/index.html";
    }

    @GetMapping("/api/portal-config")
    @ResponseBody
    Map<String, String> config() {
        return Map.of("keycloakUrl", keycloakUrl, "realm", "approval", "clientId", "approval-portal");
    }
}
