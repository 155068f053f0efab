package cn.pubdata.approval.websecurity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public endpoints answer anyone, so each address gets a budget of anonymous calls: reads of announcements, the
 * catalog and the product list per minute, objections per hour. Past it the caller gets 429 with the seconds to wait.
 * A signed-in caller is not counted: it is known and accountable. Each application node counts on its own.
 */
public class PublicRateLimit extends OncePerRequestFilter {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final RequestMatcher reads;
    private final RequestMatcher objections;
    private final Budget readBudget;
    private final Budget objectionBudget;
    private final ObjectMapper json = new ObjectMapper();

    public PublicRateLimit(WebSecurityProperties properties, Clock clock) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        this.reads = new OrRequestMatcher(
                path.matcher(HttpMethod.GET, "/api/announcements/**"),
                path.matcher(HttpMethod.GET, "/api/catalog/**"),
                path.matcher(HttpMethod.GET, "/api/portal-config"),
                path.matcher(HttpMethod.GET, "/api/public/**"));
        this.objections = new OrRequestMatcher(
                path.matcher(HttpMethod.POST, "/api/applications/*/objections"),
                path.matcher(HttpMethod.POST, "/api/public/publicity/*/objections"));
        this.readBudget = new Budget(properties.publicReadsPerMinute(), Duration.ofMinutes(1), clock);
        this.objectionBudget = new Budget(properties.objectionsPerHour(), Duration.ofHours(1), clock);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Budget budget = objections.matches(request) ? objectionBudget : reads.matches(request) ? readBudget : null;
        if (budget == null || signedIn()) {
            chain.doFilter(request, response);
            return;
        }
        long waitSeconds = budget.take(request.getRemoteAddr());
        if (waitSeconds == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(waitSeconds));
        response.setContentType("application/problem+json;charset=UTF-8");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "请求过于频繁");
        problem.put("status", 429);
        problem.put("detail", "来自您所在地址的请求过于频繁，请在 " + waitSeconds + " 秒后重试。");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    private static boolean signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
    }

    /** A token bucket per address: {@code limit} calls, refilled evenly over {@code window}. */
    static final class Budget {

        private final int limit;
        private final double perMilli;
        private final Clock clock;
        private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

        Budget(int limit, Duration window, Clock clock) {
            this.limit = limit;
            this.perMilli = (double) limit / window.toMillis();
            this.clock = clock;
        }

        /** 0 when the call may go ahead, otherwise the whole seconds until the next token. */
        long take(String address) {
            if (buckets.size() > MAX_TRACKED_ADDRESSES) {
                buckets.clear(); // a flood of addresses: forget them all rather than grow without bound
            }
            long now = clock.millis();
            double[] bucket = buckets.computeIfAbsent(address, a -> new double[] {limit, now});
            synchronized (bucket) {
                bucket[0] = Math.min(limit, bucket[0] + (now - bucket[1]) * perMilli);
                bucket[1] = now;
                if (bucket[0] >= 1) {
                    bucket[0] -= 1;
                    return 0;
                }
                return Math.max(1, (long) Math.ceil((1 - bucket[0]) / perMilli / 1000));
            }
        }
    }
}
