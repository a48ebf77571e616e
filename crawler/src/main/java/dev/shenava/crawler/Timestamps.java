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

    /** Days in each month of a common year. */
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** Answer of {@link #rfc1123Seconds} for anything but a plain RFC 1123 date. */
    static final long NOT_RFC1123 = Long.MIN_VALUE;

    /**
     * {@link #rfc1123(String)} of the ASCII text {@code b[from, to)} (no surrounding whitespace), read from the bytes
     * with no string, substring or date object: the instant's epoch second, or {@link #NOT_RFC1123} where
     * {@code rfc1123} answers null.
     */
    static long rfc1123Seconds(byte[] b, int from, int to) {
        int n = to - from;
        int i = from;
        int dayName = -1;
        if (n > 5 && b[from + 3] == ',' && b[from + 4] == ' ') {
            dayName = threeLetters(DAYS, b, from);
            if (dayName < 0) {
                return NOT_RFC1123;
            }
            i = from + 5;
        }
        int dayEnd = i;
        while (dayEnd < to && b[dayEnd] != ' ') {
            dayEnd++;
        }
        if (dayEnd == to || dayEnd - i < 1 || dayEnd - i > 2 || to < dayEnd + 20) {
            return NOT_RFC1123;
        }
        int day = number(b, i, dayEnd - i);
        int month = threeLetters(MONTHS, b, dayEnd + 1);
        int y = dayEnd + 5;
        if (month < 0 || b[dayEnd + 4] != ' ' || b[y + 4] != ' ' || b[y + 7] != ':' || b[y + 10] != ':'
                || b[y + 13] != ' ') {
            return NOT_RFC1123;
        }
        int offsetSeconds;
        if (to == y + 17 && b[y + 14] == 'G' && b[y + 15] == 'M' && b[y + 16] == 'T') {
            offsetSeconds = 0;
        } else if (to == y + 19 && (b[y + 14] == '+' || b[y + 14] == '-')) {
            int hours = number(b, y + 15, 2);
            int minutes = number(b, y + 17, 2);
            if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59 || hours == 18 && minutes != 0) {
                return NOT_RFC1123; // as ZoneOffset.ofHoursMinutes refuses them
            }
            offsetSeconds = (b[y + 14] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return NOT_RFC1123;
        }
        int year = number(b, y, 4);
        int hour = number(b, y + 5, 2);
        int minute = number(b, y + 8, 2);
        int second = number(b, y + 11, 2);
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        if (year < 0 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || day > MONTH_DAYS[month] + (month == 1 && leap ? 1 : 0)) {
            return NOT_RFC1123; // as LocalDateTime.of refuses them (31 November, hour 24, second 60)
        }
        long epochDay = epochDay(year, month + 1, day);
        if (dayName >= 0 && Math.floorMod(epochDay + 3, 7) != dayName) {
            return NOT_RFC1123; // a day name that contradicts the date: let the general reader decide
        }
        return epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    }

    /** The index (0 for the first) of the three letters at {@code at} among {@code names}' threes; -1 when none. */
    private static int threeLetters(String names, byte[] b, int at) {
        for (int k = 0; k < names.length(); k += 3) {
            if (b[at] == names.charAt(k) && b[at + 1] == names.charAt(k + 1) && b[at + 2] == names.charAt(k + 2)) {
                return k / 3;
            }
        }
        return -1;
    }

    /** Days from 1970-01-01 to a valid date of a year from 0 on, as LocalDate.toEpochDay counts them. */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 1 : 2;
        }
        return total - 719_528;
    }

    private static int number(byte[] b, int from, int len) {
        int v = 0;
        for (int k = from; k < from + len; k++) {
            int c = b[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
