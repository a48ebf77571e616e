package dev.shenava.crawler;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The two timestamp shapes nearly every source sends, read without a {@code DateTimeFormatter} (whose general
 * machinery costs more than the rest of a feed item): RFC 3339 as in Atom and {@code <time datetime>}, and RFC 1123
 * as in RSS {@code pubDate}. Anything else answers null, and the caller reads it the general way.
 */
final class Timestamps {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";

    private Timestamps() {
    }

    /** {@code 2026-11-21T10:00:00Z}, {@code ...+03:30}, optionally with fractional seconds; null for other shapes. */
    static Instant rfc3339(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int digits = 0;
            for (i++; i < n && isDigit(s.charAt(i)); i++, digits++) {
                nanos = digits < 9 ? nanos * 10 + (s.charAt(i) - '0') : nanos;
            }
            if (digits == 0) {
                return null;
            }
            for (int k = Math.min(digits, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, i, true);
        LocalDateTime local = local(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2), number(s, 11, 2),
                number(s, 14, 2), number(s, 17, 2), nanos);
        return offset == null || local == null ? null : local.toInstant(offset);
    }

    /** {@code Sat, 21 Nov 2026 10:00:00 GMT} or {@code ... +0330}, day name optional and checked; null otherwise. */
    static Instant rfc1123(String s) {
        int i = 0;
        int dayName = -1;
        if (s.length() > 5 && s.charAt(3) == ',' && s.charAt(4) == ' ') {
            dayName = DAYS.indexOf(s.substring(0, 3));
            if (dayName < 0 || dayName % 3 != 0) {
                return null;
            }
            i = 5;
        }
        int dayEnd = s.indexOf(' ', i);
        if (dayEnd < 0 || dayEnd - i < 1 || dayEnd - i > 2 || s.length() < dayEnd + 20) {
            return null;
        }
        int day = number(s, i, dayEnd - i);
        int month = MONTHS.indexOf(s.substring(dayEnd + 1, dayEnd + 4));
        int y = dayEnd + 5;
        if (month < 0 || month % 3 != 0 || s.charAt(dayEnd + 4) != ' ' || s.charAt(y + 4) != ' '
                || s.charAt(y + 7) != ':' || s.charAt(y + 10) != ':' || s.charAt(y + 13) != ' ') {
            return null;
        }
        ZoneOffset offset = s.startsWith("GMT", y + 14) && s.length() == y + 17 ? ZoneOffset.UTC
                : s.length() == y + 19 ? offset(s, y + 14, false) : null;
        LocalDateTime local = local(number(s, y, 4), month / 3 + 1, day, number(s, y + 5, 2), number(s, y + 8, 2),
                number(s, y + 11, 2), 0);
        if (offset == null || local == null || dayName >= 0 && local.getDayOfWeek().ordinal() != dayName / 3) {
            return null; // a day name that contradicts the date: let the general reader decide
        }
        return local.toInstant(offset);
    }

    private static ZoneOffset offset(String s, int i, boolean colon) {
        int n = s.length();
        if (colon && i == n - 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        int len = colon ? 6 : 5;
        if (i + len != n || s.charAt(i) != '+' && s.charAt(i) != '-' || colon && s.charAt(i + 3) != ':') {
            return null;
        }
        int hours = number(s, i + 1, 2);
        int minutes = number(s, colon ? i + 4 : i + 3, 2);
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int sign = s.charAt(i) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime local(int year, int month, int day, int hour, int minute, int second, int nanos) {
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (DateTimeException e) {
            return null; // 31 November, hour 24, second 60
        }
    }

    /** The decimal number of {@code len} digits at {@code from}; -1 when a character is not a digit. */
    private static int number(String s, int from, int len) {
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
