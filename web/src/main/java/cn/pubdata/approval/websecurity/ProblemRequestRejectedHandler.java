package cn.pubdata.approval.websecurity;

import cn.pubdata.approval.common.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses (an encoded semicolon, slash or percent sign, a non-printable
 * character in the path) answers 400 as a problem detail in Chinese; Spring Security finds this bean by its type.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(ProblemJson.of(
                        HttpServletResponse.SC_BAD_REQUEST, "请求有误", "请求地址含有不允许的字符（如编码的分号、斜杠或百分号），请检查地址后重试"));
    }
}
