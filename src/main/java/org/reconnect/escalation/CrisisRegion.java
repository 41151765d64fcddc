package org.reconnect.escalation;

/**
 * Whose crisis lines a person is given: the country of their phone number, else (no number to go
 * by) the organisation's region.
 *
 * @param code the region (ISO 3166 code, as in {@code messages/crisis*.properties}), e.g. MX
 * @param fromNumber true when it is the country of their number, false when it is the organisation's
 * @param hasLines whether the crisis texts name that region's lines; when not, the person gets the
 * general text (their local emergency number), never another country's numbers
 */
public record CrisisRegion(String code, boolean fromNumber, boolean hasLines) {
}
