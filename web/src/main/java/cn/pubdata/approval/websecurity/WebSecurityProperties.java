package cn.pubdata.approval.websecurity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Response headers and the rate limit of the public endpoints.
 *
 * @param hstsMaxAgeSeconds HSTS on every response when above 0: a deployment terminates TLS at its proxy, so the
 *     application cannot tell an HTTPS request by itself (the production profile sets a year)
 * @param publicReadsPerMinute anonymous reads of the public endpoints per address and minute
 * @param objectionsPerHour objections filed anonymously per address and hour
 */
@ConfigurationProperties("approval.web-security")
public record WebSecurityProperties(long hstsMaxAgeSeconds, int publicReadsPerMinute, int objectionsPerHour) {}
