package cn.pubdata.approval.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SEC-14: the audit bureau reads everything an operator opens to it and changes nothing: every call of an auditor
 * but a read is refused with 403, before any other rule, public writes included.
 */
class ReadOnlyAuditors extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod()) || !auditor()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(403);
        response.setContentType("application/problem+json;charset=UTF-8");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "审计账号只读");
        problem.put("status", 403);
        problem.put("detail", "审计部门的账号只能查阅，不能提交或修改任何内容（SEC-14）。");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    private static boolean auditor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null
                && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_auditor"));
    }
}
