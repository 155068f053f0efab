package cn.pubdata.approval.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a problem detail (RFC 9457) in Chinese, for the answers written before Spring MVC is reached: a request
 * Spring Security's firewall refuses, one Tomcat refuses. Inside Spring MVC, {@link ProblemAnswers} answers.
 */
public final class ProblemJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJson() {}

    public static String of(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and a number is always written", e);
        }
    }
}
