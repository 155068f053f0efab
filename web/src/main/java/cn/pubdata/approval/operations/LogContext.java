package cn.pubdata.approval.operations;

import cn.pubdata.approval.timeline.Subjects;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line of a request says who made it ({@code user}) and, on a call about one flow, which
 * ({@code businessKey}: the flow's subject, e.g. ADM-1024 or SCN-307). The engine adds the business key and the
 * process instance of the flow it works on (operaton.bpm.generic-properties: logging-context-*), the workers theirs
 * (ExternalTaskWorkers). In the production profile the lines are JSON (ECS) with these fields.
 */
@Configuration(proxyBeanMethods = false)
class LogContext {

    /** /api/{kind}/{id}/… → the subject prefix the flows use for that kind. */
    private static final Pattern SUBJECT = Pattern.compile(
            "^/api/(applications|scenarios|products|exits|rectifications|evaluations|data-use-requests|quality-issues|risk-reports)/(\\d{1,18})(?:/|$)");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> logContextFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        Authentication who = SecurityContextHolder.getContext().getAuthentication();
                        if (who != null && who.isAuthenticated()) {
                            MDC.put("user", who.getName());
                        }
                        Matcher subject = SUBJECT.matcher(request.getRequestURI());
                        if (subject.find()) {
                            MDC.put("businessKey", subject(subject.group(1), Long.parseLong(subject.group(2))));
                        }
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            MDC.remove("user");
                            MDC.remove("businessKey");
                        }
                    }
                });
        registration.setOrder(0); // after Spring Security (-100), which has set the caller
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        return registration;
    }

    private static String subject(String kind, long id) {
        return switch (kind) {
            case "applications" -> Subjects.admission(id);
            case "scenarios" -> Subjects.scenario(id);
            case "products" -> Subjects.product(id);
            case "exits" -> Subjects.exit(id);
            case "rectifications" -> Subjects.rectification(id);
            case "evaluations" -> Subjects.evaluation(id);
            case "data-use-requests" -> Subjects.dataUse(id);
            case "quality-issues" -> Subjects.qualityIssue(id);
            default -> Subjects.riskReport(id);
        };
    }
}
