package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;

import java.time.Duration;
import java.util.Locale;

/**
 * The bucket width of a time series.
 */
public enum StatsInterval {
    /** One bucket per hour. */
    HOUR(CalendarInterval.Hour, Duration.ofHours(1)),
    /** One bucket per UTC day. */
    DAY(CalendarInterval.Day, Duration.ofDays(1)),
    /** One bucket per ISO week. */
    WEEK(CalendarInterval.Week, Duration.ofDays(7));

    /** Most buckets one series may have. */
    public static final int MAX_BUCKETS = 5000;

    private final CalendarInterval calendar;
    private final Duration length;

    StatsInterval(CalendarInterval calendar, Duration length) {
        this.calendar = calendar;
        this.length = length;
    }

    /**
     * Checks that a range does not give more than {@link #MAX_BUCKETS} buckets of this width.
     *
     * @param scope the range
     * @throws IllegalArgumentException when it would, saying what to do
     */
    void check(StatsScope scope) {
        long buckets = Duration.between(scope.from(), scope.to()).dividedBy(length);
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("from-to spans " + buckets + " " + keyword() + "s; ask for at most "
                    + MAX_BUCKETS + " buckets with a wider interval or a shorter range");
        }
    }

    CalendarInterval calendar() {
        return calendar;
    }

    /**
     * The name used in the API.
     *
     * @return {@code hour}, {@code day} or {@code week}
     */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads an interval name.
     *
     * @param name hour, day or week, any case
     * @return the interval
     * @throws IllegalArgumentException for any other name, saying which are accepted
     */
    public static StatsInterval of(String name) {
        for (StatsInterval interval : values()) {
            if (interval.keyword().equalsIgnoreCase(name)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("interval must be hour, day or week, was '" + name + "'");
    }
}
