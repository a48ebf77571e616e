package dev.shenava.api;

/**
 * One line of the fault suite's figures.
 *
 * @param name               the case
 * @param faults             the faults injected, in words
 * @param mentionsExpected   mentions that must be stored
 * @param mentionsFound      mentions found in Elasticsearch at the end
 * @param deliveriesExpected webhook deliveries that must arrive, -1 when the case sends none
 * @param deliveriesReceived deliveries the receiver acknowledged, counting repeats
 * @param note               what the service said or did, in words
 */
record FaultRow(String name, String faults, long mentionsExpected, long mentionsFound,
                long deliveriesExpected, long deliveriesReceived, String note) {

    /** @return whether nothing was lost and nothing delivered twice */
    boolean exact() {
        return mentionsExpected == mentionsFound && deliveriesExpected == deliveriesReceived;
    }

    static String header() {
        return String.format("%-34s %-34s %9s %9s %10s %10s  %s", "case", "injected faults", "mentions", "found",
                "deliveries", "received", "result");
    }

    String line() {
        return String.format("%-34s %-34s %9d %9d %10s %10s  %s", name, faults, mentionsExpected, mentionsFound,
                deliveriesExpected < 0 ? "-" : String.valueOf(deliveriesExpected),
                deliveriesExpected < 0 ? "-" : String.valueOf(deliveriesReceived),
                (exact() ? "exact" : "MISMATCH") + (note.isEmpty() ? "" : "; " + note));
    }
}
