package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;

import java.util.Locale;

/**
 * The bucket width of a time series.
 */
public enum StatsInterval {
    /** One bucket per hour. */
    HOUR(CalendarInterval.Hour),
    /** One bucket per UTC day. */
    DAY(CalendarInterval.Day),
    /** One bucket per ISO week. */
    WEEK(CalendarInterval.Week);

    private final CalendarInterval calendar;

    StatsInterval(CalendarInterval calendar) {
        this.calendar = calendar;
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
