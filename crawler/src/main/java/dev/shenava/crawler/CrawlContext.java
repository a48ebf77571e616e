package dev.shenava.crawler;

import java.util.Optional;
import java.util.function.Function;

/**
 * What connectors share: the fetcher, the environment lookup for credentials, and the robots.txt cache.
 *
 * @param fetcher the fetcher
 * @param env     environment variable lookup (injectable so tests can set credentials)
 * @param robots  robots.txt rules per host
 */
public record CrawlContext(Fetcher fetcher, Function<String, String> env, RobotsRules robots) {

    /**
     * A context reading credentials from the process environment.
     *
     * @param config the crawler settings
     * @return the context
     */
    public static CrawlContext create(CrawlerConfig config) {
        return create(Fetcher.create(config), System::getenv);
    }

    /**
     * A context with a given fetcher and environment.
     *
     * @param fetcher the fetcher
     * @param env     environment lookup
     * @return the context
     */
    public static CrawlContext create(Fetcher fetcher, Function<String, String> env) {
        return new CrawlContext(fetcher, env, new RobotsRules(fetcher));
    }

    /**
     * The source's credential, read from the environment variable it names.
     *
     * @param source the source
     * @return the credential, empty when the source names none or the variable is unset
     */
    public Optional<String> credential(Source source) {
        if (source.credentialEnv().isEmpty()) {
            return Optional.empty();
        }
        String value = env.apply(source.credentialEnv());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * The problem to report when a required credential is missing.
     *
     * @param source the source
     * @return words a person can act on
     */
    static String missingCredential(Source source) {
        return "environment variable " + source.credentialEnv() + " (named by credentialEnv) is not set;"
                + " set it before starting Shenava";
    }

    /**
     * The pages fetched per poll.
     *
     * @return the limit
     */
    public int maxPages() {
        return fetcher.config().maxPages();
    }
}
