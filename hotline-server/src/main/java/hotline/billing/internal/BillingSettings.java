package hotline.billing.internal;

import hotline.config.Config;
import hotline.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The billing settings, read and checked at start-up; a bad one stops the server with a {@link ConfigException}
 * naming it. {@code source} is {@code ledger} (the default) or {@code cis}; {@code cis} is present only for the CIS.
 *
 * @param cacheSeconds      how long an answer is reused for the same account
 * @param cardWaitMs        how long the caller card waits for billing before it shows without it
 * @param leakFactorPercent a month above this share of the account's own average is flagged as a possible leak
 */
public record BillingSettings(String source, int cacheSeconds, int cardWaitMs, int leakFactorPercent,
                              Optional<Cis> cis) {

    public static final String SOURCE = "billing.source";
    public static final String CACHE_SECONDS = "billing.cacheSeconds";
    public static final String CARD_WAIT_MS = "billing.cardWaitMs";
    public static final String LEAK_FACTOR_PERCENT = "billing.leakFactorPercent";
    public static final String CIS_BASE_URL = "billing.cis.baseUrl";
    public static final String CIS_STATEMENT_PATH = "billing.cis.statementPath";
    public static final String CIS_AUTH_HEADER = "billing.cis.authHeader";
    public static final String CIS_AUTH_VALUE = "billing.cis.authValue";
    public static final String CIS_CONNECT_TIMEOUT_MS = "billing.cis.connectTimeoutMs";
    public static final String CIS_READ_TIMEOUT_MS = "billing.cis.readTimeoutMs";
    public static final String CIS_MAX_CONNECTIONS = "billing.cis.maxConnections";
    public static final String CIS_BREAKER_FAILURES = "billing.cis.breakerFailures";
    public static final String CIS_BREAKER_OPEN_SECONDS = "billing.cis.breakerOpenSeconds";
    /** Where the account number goes in {@link #CIS_STATEMENT_PATH}. */
    public static final String ACCOUNT_PLACEHOLDER = "{account}";

    /**
     * The CIS's HTTP API: {@code baseUrl} + {@code statementPath} (with the account number in it), an optional
     * header sent with every request (its value is a secret: never logged), the time to connect and the time for
     * the whole answer, connections kept at most, and the circuit breaker: after {@code breakerFailures} failed calls
     * in a row no call is made for {@code breakerOpenSeconds}, then one trial call decides.
     */
    public record Cis(URI baseUrl, String statementPath, String authHeader, String authValue, int connectTimeoutMs,
                      int readTimeoutMs, int maxConnections, int breakerFailures, int breakerOpenSeconds) {

        @Override
        public String toString() {
            return "Cis[" + baseUrl + statementPath + (authHeader == null ? "" : ", " + authHeader + ": ***") + "]";
        }
    }

    public static BillingSettings read(Config config) {
        String source = config.string(SOURCE, "ledger").strip().toLowerCase(java.util.Locale.ROOT);
        if (!source.equals("ledger") && !source.equals("cis")) {
            throw new ConfigException(Config.describe(SOURCE) + ": must be ledger or cis, got '" + source + "'");
        }
        return new BillingSettings(source, config.integer(CACHE_SECONDS, 60, 0, 3600),
                config.integer(CARD_WAIT_MS, 300, 0, 10_000), config.integer(LEAK_FACTOR_PERCENT, 200, 110, 10_000),
                source.equals("cis") ? Optional.of(cis(config)) : Optional.empty());
    }

    private static Cis cis(Config config) {
        String path = config.string(CIS_STATEMENT_PATH, "/accounts/" + ACCOUNT_PLACEHOLDER + "/statement");
        if (!path.startsWith("/") || !path.contains(ACCOUNT_PLACEHOLDER)) {
            throw new ConfigException(Config.describe(CIS_STATEMENT_PATH) + ": must start with / and contain "
                    + ACCOUNT_PLACEHOLDER + ", got '" + path + "'");
        }
        Optional<String> header = config.string(CIS_AUTH_HEADER);
        Optional<String> value = config.string(CIS_AUTH_VALUE);
        if (header.isPresent() && !header.get().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new ConfigException(Config.describe(CIS_AUTH_HEADER) + ": must be an HTTP header name such as "
                    + "Authorization, got '" + header.get() + "'");
        }
        if (header.isPresent() != value.isPresent()) {
            throw new ConfigException(Config.describe(header.isPresent() ? CIS_AUTH_VALUE : CIS_AUTH_HEADER)
                    + ": is required with " + (header.isPresent() ? CIS_AUTH_HEADER : CIS_AUTH_VALUE));
        }
        return new Cis(baseUrl(config), path, header.orElse(null), value.orElse(null),
                config.integer(CIS_CONNECT_TIMEOUT_MS, 1000, 50, 60_000),
                config.integer(CIS_READ_TIMEOUT_MS, 2500, 50, 60_000),
                config.integer(CIS_MAX_CONNECTIONS, 20, 1, 500),
                config.integer(CIS_BREAKER_FAILURES, 5, 1, 1000),
                config.integer(CIS_BREAKER_OPEN_SECONDS, 30, 1, 3600));
    }

    private static URI baseUrl(Config config) {
        String text = config.string(CIS_BASE_URL).orElseThrow(() -> new ConfigException(
                Config.describe(CIS_BASE_URL) + ": is required when " + SOURCE + " is cis"));
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(text, "not an http(s) address without query");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(Config.describe(CIS_BASE_URL) + ": must be an http:// or https:// address "
                    + "such as https://cis.example/api, got '" + text + "'");
        }
    }
}
