package dev.shenava.crawler;

import java.time.Instant;

/**
 * The {@code datetime} of a t.me message ({@code 2026-11-21T10:00:00+00:00}) read straight into an instant, without
 * the date and offset objects {@link Timestamps#rfc3339} makes; any other shape is left to it.
 */
final class TelegramDates {

    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private TelegramDates() {
    }

    /** The instant {@link Timestamps#rfc3339} gives for {@code s}, or null when it gives none. */
    static Instant rfc3339(String s) {
        Instant quick = plain(s);
        return quick != null ? quick : Timestamps.rfc3339(s);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} then {@code Z} or {@code ±HH:mm}, all in range; else null. */
    private static Instant plain(String s) {
        int n = s.length();
        if (n != 20 && n != 25 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        int offset = offsetSeconds(s);
        if (year < 1900 || month < 1 || month > 12 || day < 1 || day > length(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || offset == Integer.MIN_VALUE) {
            return null;
        }
        long days = epochDay(year, month, day);
        return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second - offset);
    }

    /** The offset at 19 in seconds, {@link Integer#MIN_VALUE} when there is none in range. */
    private static int offsetSeconds(String s) {
        if (s.length() == 20) {
            return s.charAt(19) == 'Z' ? 0 : Integer.MIN_VALUE;
        }
        char sign = s.charAt(19);
        int hours = number(s, 20, 2);
        int minutes = number(s, 23, 2);
        if (sign != '+' && sign != '-' || s.charAt(22) != ':' || hours < 0 || minutes < 0 || minutes > 59
                || hours > 18 || hours == 18 && minutes > 0) {
            return Integer.MIN_VALUE;
        }
        return (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    }

    private static int length(int year, int month) {
        if (month == 2) {
            return leap(year) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    private static boolean leap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days from 1970-01-01 to a date from 1900 on. */
    private static long epochDay(int year, int month, int day) {
        long y = year - 1;
        long days = 365 * y + y / 4 - y / 100 + y / 400; // days before the year, from 0001-01-01
        days += DAYS_BEFORE_MONTH[month - 1] + (month > 2 && leap(year) ? 1 : 0) + day - 1;
        return days - 719_162; // 0001-01-01 to 1970-01-01
    }

    private static int number(String s, int from, int len) {
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
