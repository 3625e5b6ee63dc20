package org.tallyroom.io.gla;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.tallyroom.count.Contest;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * The 2016 GLA elections by ward, as in {@code data/uk/london-2016}: the mayor's first and second
 * preferences, the 14 constituency-member contests (one file each) and the London-member (list)
 * contest, and the GSS code lookup. Reads every file once into typed rows ({@link WardResultsFile},
 * {@link WardRow}, {@link GssCode}) and turns them into contests the count engine takes.
 *
 * <p>Files and their quirks:
 * <ul>
 *   <li>{@code constituency-member-<slug>.csv}: {@code GSS Code,Ward,<candidates>,<5 reason columns>};
 *       no party column, no constituency column (the file name gives it).</li>
 *   <li>{@code london-member.csv}: {@code GSS Code,Constituency,Ward,<12 party lists>,<5 reasons>};
 *       constituencies spelt with "&amp;" ("Barnet &amp; Camden").</li>
 *   <li>{@code london-mayor-first-preference.csv}: as london-member with candidates; it lacks Prince
 *       Zylinski's column (13,202 official first preferences), so its totals are not the declaration.</li>
 *   <li>{@code london-mayor-second-preference.csv}: every second preference marked, including those
 *       on papers whose first choice stayed in; its reason columns (Unmarked, Uncertain, Voting for
 *       too many) count unusable second choices, not rejected papers.</li>
 *   <li>{@code gss-codes.csv}: tab-separated, no header: constituency (spelt with "and"), ward, code;
 *       it has the City of London's 25 wards, which the results files count as one row.</li>
 * </ul>
 * Constituencies are matched across spellings by {@link #slug(String)} ("&amp;" reads as "and").
 */
public final class London2016 {
    private static final String CONSTITUENCY_PREFIX = "constituency-member-";
    private static final Pattern GSS = Pattern.compile("E05\\d{6}");

    private final WardResultsFile mayorFirst;
    private final WardResultsFile mayorSecond;
    private final WardResultsFile londonMembers;
    private final Map<String, WardResultsFile> constituencies;
    private final List<GssCode> gssCodes;

    private London2016(WardResultsFile mayorFirst, WardResultsFile mayorSecond, WardResultsFile londonMembers,
                       Map<String, WardResultsFile> constituencies, List<GssCode> gssCodes) {
        this.mayorFirst = mayorFirst;
        this.mayorSecond = mayorSecond;
        this.londonMembers = londonMembers;
        this.constituencies = constituencies;
        this.gssCodes = gssCodes;
    }

    /** Reads every file in the folder. */
    public static London2016 read(Path dir) throws InputException {
        List<GssCode> codes = readGssCodes(dir.resolve("gss-codes.csv"));
        Map<String, String> names = new LinkedHashMap<>();
        for (GssCode g : codes) {
            names.putIfAbsent(slug(g.constituency()), g.constituency());
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, CONSTITUENCY_PREFIX + "*.csv")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new InputException(dir.toString(), 0, 0, "a readable folder, found " + e.getMessage());
        }
        files.sort(null);
        if (files.isEmpty()) {
            throw new InputException(dir.toString(), 0, 0, "files named " + CONSTITUENCY_PREFIX + "<name>.csv", "none");
        }
        Map<String, WardResultsFile> constituencies = new LinkedHashMap<>();
        for (Path f : files) {
            String fileName = f.getFileName().toString();
            String s = fileName.substring(CONSTITUENCY_PREFIX.length(), fileName.length() - ".csv".length());
            String name = names.get(s);
            if (name == null) {
                throw new InputException(f.toString(), 0, 0, "a constituency listed in gss-codes.csv",
                        InputException.quote(s));
            }
            constituencies.put(name, WardResultsFile.read(f, false));
        }
        return new London2016(WardResultsFile.read(dir.resolve("london-mayor-first-preference.csv"), true),
                WardResultsFile.read(dir.resolve("london-mayor-second-preference.csv"), true),
                WardResultsFile.read(dir.resolve("london-member.csv"), true), constituencies, codes);
    }

    /** Reads the tab-separated lookup: constituency, ward, GSS code; no header. */
    public static List<GssCode> readGssCodes(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<GssCode> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(CsvFile.open(path))) {
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = text.split("\t", -1);
                if (f.length != 3) {
                    throw new InputException(file, line, Math.min(f.length, 3) + 1,
                            "3 tab-separated fields (constituency, ward, GSS code)", f.length + " fields");
                }
                for (int i = 0; i < 2; i++) {
                    if (f[i].isBlank()) {
                        throw new InputException(file, line, i + 1, i == 0 ? "a constituency" : "a ward", "an empty value");
                    }
                }
                if (!GSS.matcher(f[2].strip()).matches()) {
                    throw new InputException(file, line, 3, "a ward GSS code such as E05000043",
                            InputException.quote(f[2]));
                }
                out.add(new GssCode(line, f[0].strip(), f[1].strip(), f[2].strip()));
            }
        } catch (IOException e) {
            throw new InputException(file, 0, 0, "a readable file, found " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new InputException(file, 1, 1, "constituency, ward, GSS code lines", "an empty file");
        }
        return List.copyOf(out);
    }

    /**
     * A name as a slug for matching: NFKD to ASCII, "&amp;" as "and", lower case, runs of anything but
     * letters and digits as one hyphen ("Barnet &amp; Camden" and "Barnet and Camden" both give
     * "barnet-and-camden", the file names' form).
     */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        return ascii.replace("&", " and ").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    public WardResultsFile mayorFirstPreferences() {
        return mayorFirst;
    }

    public WardResultsFile mayorSecondPreferences() {
        return mayorSecond;
    }

    public WardResultsFile londonMembers() {
        return londonMembers;
    }

    public List<GssCode> gssCodes() {
        return gssCodes;
    }

    /** The 14 constituency names, as gss-codes.csv spells them, in file-name order. */
    public List<String> constituencyNames() {
        return List.copyOf(constituencies.keySet());
    }

    /** One constituency's file, by any spelling of its name. */
    public WardResultsFile constituency(String name) {
        String s = slug(name);
        for (Map.Entry<String, WardResultsFile> e : constituencies.entrySet()) {
            if (slug(e.getKey()).equals(s)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("no constituency '" + name + "'; expected one of " + constituencyNames());
    }

    /**
     * A constituency-member contest: every row summed (wards, postal pseudo-wards, the City),
     * rejected papers by statutory reason. The files carry no parties, so candidates have none.
     */
    public Contest constituencyContest(String name) {
        WardResultsFile f = constituency(name);
        String title = constituencies.keySet().stream().filter(k -> slug(k).equals(slug(name))).findFirst()
                .orElseThrow();
        return f.contest(title, f.rows(), column -> "", WardResultsFile.ASSEMBLY_REJECTIONS);
    }

    /**
     * The London-member (list) contest: each party list's votes summed over every row of
     * london-member.csv, postal pseudo-wards included. Each list's party is its own name (all twelve
     * 2016 lists are registered parties; none is an individual candidate).
     */
    public Contest londonWideListContest() {
        return londonMembers.contest("London-wide list", londonMembers.rows(), column -> column,
                WardResultsFile.ASSEMBLY_REJECTIONS);
    }
}
