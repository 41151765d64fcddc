package org.reconnect.escalation;

/**
 * Whose crisis lines a person is given: the country of their phone number when the crisis texts
 * cover it, else the organisation's region.
 *
 * @param code the region (ISO 3166 code, as in {@code messages/crisis*.properties}), e.g. MX
 * @param fromNumber true when it is the country of their number, false when it is the organisation's
 */
public record CrisisRegion(String code, boolean fromNumber) {
}
