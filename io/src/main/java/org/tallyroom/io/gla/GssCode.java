package org.tallyroom.io.gla;

/**
 * One line of the 2016 GSS code lookup: a ward, its Assembly constituency and its code.
 *
 * @param line         the line in the file
 * @param constituency the constituency, spelt with "and" ("Barnet and Camden")
 * @param ward         the ward name
 * @param code         the ward's GSS code (E05...)
 */
public record GssCode(long line, String constituency, String ward, String code) {
}
